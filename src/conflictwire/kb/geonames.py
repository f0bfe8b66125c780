"""Import GeoNames country dumps (CC.txt, 19 tab-separated columns) into the user's gazetteer.

Kept: populated places (feature class P) and admin units ADM1-ADM3 (class A). Admin codes become
admin names through the dump's own ADM1/ADM2 rows. Alternate names in Latin script are kept as
lookup keys. GeoNames data is CC BY 4.0 (https://www.geonames.org).
"""

from __future__ import annotations

import gzip
import io
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import httpx

from conflictwire.errors import InputError
from conflictwire.kb.gazetteer import ADMIN1, ADMIN2, TOWN, installed, user_dir
from conflictwire.knowledge import normalize

DUMP_URL = "https://download.geonames.org/export/dump/{cc}.zip"
ADMIN_KINDS = {"ADM1": ADMIN1, "ADM2": ADMIN2, "ADM3": ADMIN2}


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def parse_dump(text: str) -> tuple[str, list[tuple[str, ...]]]:
    """(country code, gazetteer rows) from a GeoNames dump's text."""
    rows = [line.split("\t") for line in text.splitlines() if line.strip()]
    bad = [r for r in rows if len(r) < 19]
    if not rows or len(bad) > len(rows) // 10:
        raise InputError("not a GeoNames dump (expected 19 tab-separated columns per line)")
    rows = [r for r in rows if len(r) >= 19]
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    for r in rows:
        if r[6] == "A" and r[7] == "ADM1":
            admin1[(r[8], r[10])] = r[1]
        elif r[6] == "A" and r[7] == "ADM2":
            admin2[(r[8], r[10], r[11])] = r[1]
    out = []
    for r in rows:
        gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc = r[:9]
        a1code, a2code, pop = r[10], r[11], r[14]
        if fclass == "P":
            kind = TOWN
        elif fclass == "A" and fcode in ADMIN_KINDS:
            kind = ADMIN_KINDS[fcode]
        else:
            continue
        keys = {normalize(a) for a in [ascii_name, *alts.split(",")] if a and _latin(a) and len(a) <= 60}
        keys.discard(normalize(name))
        a1 = admin1.get((cc, a1code), "")
        a2 = admin2.get((cc, a1code, a2code), "") if kind != ADMIN1 else ""
        if kind == ADMIN1:
            a1 = name
        out.append((gid, name, "|".join(sorted(keys)), lat, lon, cc, a1, a2, pop or "0", kind))
    codes = Counter(r[5] for r in out)
    if not codes:
        raise InputError("the dump has no populated places or admin units")
    return codes.most_common(1)[0][0], out


def add_dump(data: bytes, name: str = "dump") -> tuple[str, int, Path]:
    """Install a dump given as .txt or .zip bytes; returns (country code, places, installed file)."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [m for m in zf.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            if not members:
                raise InputError(f"{name}: the zip holds no GeoNames .txt dump")
            data = zf.read(members[0])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    cc, rows = parse_dump(text)
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{cc}.tsv.gz"
    tmp = target.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        fh.write(f"# GeoNames (https://www.geonames.org), CC BY 4.0; imported from {name}\n")
        for row in rows:
            fh.write("\t".join(str(x).replace("\t", " ") for x in row) + "\n")
    tmp.replace(target)
    return cc, len(rows), target


def download(
    cc: str, url_template: str = DUMP_URL, transport: httpx.BaseTransport | None = None
) -> tuple[str, int, Path]:
    cc = cc.upper()
    if len(cc) != 2 or not cc.isalpha():
        raise InputError(f"{cc!r} is not a two-letter country code")
    url = url_template.format(cc=cc)
    try:
        with httpx.Client(transport=transport, timeout=120, follow_redirects=True) as http:
            r = http.get(url)
    except httpx.HTTPError as exc:
        raise InputError(f"cannot download {url}: {exc}") from exc
    if r.status_code != 200:
        raise InputError(f"cannot download {url}: HTTP {r.status_code}")
    return add_dump(r.content, url)


def listing() -> list[tuple[str, int, Path]]:
    out = []
    for path in installed():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            n = sum(1 for line in fh if not line.startswith("#"))
        out.append((path.name.split(".")[0], n, path))
    return out
