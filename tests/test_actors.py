from __future__ import annotations

import pytest

from conflictwire.kb.actors import INTER_TYPES, actor_base
from conflictwire.knowledge import normalize

JNIM = "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    "alias, name",
    [
        ("Jama’at Nusrat al-Islam wal Muslimeen", JNIM),
        ("GSIM", JNIM),
        ("Groupe de soutien à l'islam et aux musulmans", JNIM),
        ("al-Shabab", "Al Shabaab"),
        ("Rapid Support Forces", "RSF: Rapid Support Forces"),
        ("Nigerien soldiers", "Military Forces of Niger"),
        ("Burkinabe troops", "Military Forces of Burkina Faso"),
        ("Mali's army", "Military Forces of Mali"),
        ("FAMa", "Military Forces of Mali"),
    ],
)
def test_actors_alias_resolution(alias, name):
    ref = actor_base().lookup.table.get(normalize(alias))
    assert ref is not None and ref.actor is not None and ref.actor.name == name


def test_actor_base_is_broad_and_well_formed():
    base = actor_base()
    named = [a for a in base.by_name.values() if a.generic_role is None]
    assert len(named) >= 400
    assert len(base.by_name) >= 900  # with state forces of every country
    for a in base.by_name.values():
        assert a.type in INTER_TYPES, a.name
        assert a.parent is None or a.parent in base.by_name, a.name


def article(body: str) -> str:
    return "Headline\n\nBAMAKO, May 6, 2024 (Reuters) - " + body


def test_actors_branch_codes_as_parent_with_associate(extract):
    (ev,) = extract(
        article(
            "Katiba Macina fighters attacked an army post in Niono, in central Mali, on Sunday, "
            "killing three soldiers, the army said."
        )
    )
    assert (ev["actor1"], ev["assoc_actor_1"], ev["actor2"]) == (JNIM, "Katiba Macina", "Military Forces of Mali")


def test_actors_demonym_gives_the_right_state_forces(extract):
    (ev,) = extract(
        article(
            "Gunmen killed five Nigerien soldiers near Tillaberi in western Niger on Sunday, a security source said."
        )
    )
    assert ev["actor2"] == "Military Forces of Niger" and ev["inter2"] == "State forces"


def test_actors_suspected_perpetrator_is_coded_and_noted(extract):
    (ev,) = extract(
        article(
            "Suspected ISWAP fighters killed 12 farmers near Monguno in Nigeria's Borno state "
            "on Sunday, residents said."
        )
    )
    assert ev["actor1"].startswith("ISWAP")
    assert "suspected perpetrator" in ev["tags"] and "suspected" in ev["notes"].lower()


def test_actors_unnamed_perpetrator_is_unidentified(extract):
    (ev,) = extract(article("Gunmen killed 12 farmers near Dori in Burkina Faso on Sunday, residents said."))
    assert ev["actor1"] == "Unidentified Armed Group (Burkina Faso)" and ev["actor2"] == "Civilians (Burkina Faso)"


def test_actors_unknown_group_is_kept_flagged_and_listed(extract, tmp_path, capsys):
    from conflictwire.cli import main

    text = article(
        "Gunmen killed nine soldiers in an attack on an army post near Tillaberi in western Niger on "
        "Sunday, and a little-known group calling itself the Liptako Liberation Front claimed "
        "responsibility."
    )
    (ev,) = extract(text)
    assert ev["actor1"] == "Liptako Liberation Front" and ev["inter1"] == "Rebel group"
    assert "unknown actor: Liptako Liberation Front" in ev["tags"]
    f = tmp_path / "a.txt"
    f.write_text(text)
    db = str(tmp_path / "x.db")
    assert main(["ingest", str(f), "--db", db, "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["actors", "unknown", "--db", db]) == 0
    assert "Liptako Liberation Front" in capsys.readouterr().out
