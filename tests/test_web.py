"""The web map in a real browser: Debian's chromium driven by Playwright (executable_path), against a
server on loopback with a seeded store. Saves a screenshot to tests/_artifacts/web-map.png."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conflictwire.jobs import ingest
from conflictwire.serve.api import WEB, create_app
from conflictwire.store import Store

from .test_store import OTHER_TOWN, REPORTS, write

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "_artifacts"
HOSTILE = (
    "Gunmen attack village in Mali\n\nBAMAKO, May 6, 2024 (Reuters) - Gunmen killed four villagers in Niono, "
    'in central Mali, on Sunday <script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2">, '
    "a local official said."
)


def _need(thing: bool, why: str) -> None:
    if not thing:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), "Debian's chromium is not installed (scripts/test.sh installs it)")
    _need((WEB / "vendor" / "leaflet.js").exists(), "web assets missing: run scripts/build_web.sh")
    import uvicorn

    tmp = tmp_path_factory.mktemp("web")
    store = Store(str(tmp / "web.db"))
    ingest([str(write(tmp, [*REPORTS, OTHER_TOWN, ("hostile.txt", HOSTILE)]))], store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


def test_web_map_filters_and_highlighted_evidence(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server + "/")
        page.wait_for_selector("#count[data-count]")
        assert page.get_attribute("#count", "data-count") == "3"
        # markers (or clusters of them) are on the map, over the offline country outlines
        page.wait_for_selector(".event-marker, .marker-cluster")
        assert len(page.query_selector_all(".leaflet-overlay-pane path")) > 100
        # a filter changes the count
        page.select_option("#f-type", "Violence against civilians")
        page.click("#apply")
        page.wait_for_function("() => document.getElementById('count').dataset.count !== '3'")
        assert int(page.get_attribute("#count", "data-count")) < 3
        page.click("#reset-filters")
        page.wait_for_selector("#count[data-count='3']")
        # clicking an event shows its record and the article text with the evidence highlighted
        page.click("#table tbody tr >> text=Niono")
        page.wait_for_selector("#panel-text mark")
        marks = page.query_selector_all("#panel-text mark")
        assert marks and any(m.get_attribute("data-field") == "location" for m in marks)
        # the hostile article's tags are shown as text, and nothing in them ran
        assert "<script>" in page.inner_text("#panel-text")
        assert page.evaluate("() => window.__xss === undefined")
        assert not dialogs
        page.screenshot(path=str(ARTIFACTS / "web-map.png"))
        browser.close()
