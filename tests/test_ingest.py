from __future__ import annotations

import pytest

from conflictwire.errors import BinaryInput, EmptyInput, NoArticleText, TooLarge, Unsupported
from conflictwire.ingest import build_article
from conflictwire.ingest.clean import clean_text
from conflictwire.ingest.dateline import parse_dateline, resolve_published
from conflictwire.ingest.decode import decode

from .conftest import FIXTURES


def test_clean_drops_furniture_and_keeps_story():
    raw = (FIXTURES / "furniture.txt").read_text()
    text = clean_text(raw)
    for gone in (
        "REUTERS/Staff",
        "read more",
        "Reporting by",
        "Our Standards",
        "Please enter",
        "Copy Link",
        "Facebook",
    ):
        assert gone not in text, gone
    assert "Gunmen killed four farmers near the town of Bokkos" in text
    assert "The attackers struck" in text


@pytest.mark.parametrize(
    "line, place, date, agency",
    [
        ("DAKAR, July 23 (Reuters) – Militants attacked", "Dakar", "July 23", "Reuters"),
        ("MOGADISHU, Feb 11 (AP) — A blast", "Mogadishu", "Feb 11", "AP"),
        ("ABUJA, Nigeria (AFP) -- Police said", "Abuja", None, "AFP"),
        ("NEW DELHI, March 3, 2023 (Reuters) - Troops", "New Delhi", "March 3, 2023", "Reuters"),
        ("KYIV (Reuters) - Russia fired", "Kyiv", None, "Reuters"),
    ],
)
def test_dateline_parse(line, place, date, agency):
    dl = parse_dateline(line)
    assert (dl.place, dl.date_text, dl.agency) == (place, date, agency)


def test_dateline_takes_year_from_full_date_elsewhere():
    text = "Caption from the scene, July 22, 2022.\n\nDAKAR, July 23 (Reuters) - Something happened."
    dl = parse_dateline("DAKAR, July 23 (Reuters) - Something happened.")
    assert resolve_published(dl, text, [])[0] == "2022-07-23"
    assert resolve_published(dl, "no year here", ["2021-07-20"])[0] == "2021-07-23"
    assert resolve_published(dl, "no year here", [])[0] is None


def test_article_reads_headline_source_and_date():
    art = build_article((FIXTURES / "furniture.txt").read_text())
    assert art.title == "Gunmen kill four farmers in central Nigeria"
    assert art.text.startswith(art.title)
    assert art.source == "Reuters"
    assert art.published == "2024-05-03"
    assert art.dateline.place == "Jos"


def test_decode_refuses_binary_and_empty():
    with pytest.raises(BinaryInput):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(EmptyInput):
        decode(b"   \n")
    with pytest.raises(TooLarge):
        decode(b"a" * 2000, max_bytes=1000)


def test_decode_recovers_latin1_with_warning():
    text, warning = decode("Ségou: des hommes armés ont attaqué le village de Niono.".encode("latin-1"))
    assert "Ségou" in text
    assert warning and "not valid UTF-8" in warning


def test_article_refuses_page_without_text_and_other_languages():
    with pytest.raises(NoArticleText):
        build_article("<html><body><nav>Home | About</nav><p>Subscribe</p></body></html>")
    fr = (
        "BAMAKO, 3 mars (AFP) - Des hommes armés ont attaqué dimanche un poste de l'armée dans le centre du Mali, "
        "tuant au moins cinq soldats, selon une source sécuritaire qui a requis l'anonymat. Les assaillants sont "
        "arrivés à moto et ont incendié plusieurs véhicules avant de se retirer vers la forêt."
    )
    with pytest.raises(Unsupported):
        build_article(fr)


def test_html_page_main_text():
    html = (
        "<html><head><title>Blast hits market in Kandahar</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Blast hits market in Kandahar</h1>"
        "<p>KABUL, June 3 (Reuters) - A bomb exploded in a crowded market in the southern Afghan city of Kandahar "
        "on Monday, killing at least seven people and wounding 20 others, a provincial official said.</p>"
        "<p>No group immediately claimed responsibility for the blast, the official said.</p></article>"
        "<footer>Copyright 2024. All rights reserved.</footer></body></html>"
    )
    art = build_article(html, published="2024-06-04")
    assert "A bomb exploded in a crowded market" in art.text
    assert "All rights reserved" not in art.text
    assert art.published == "2024-06-03"
