from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conflictwire.jobs import ingest
from conflictwire.serve.api import MAX_BODY, create_app
from conflictwire.store import Store

from .test_store import OTHER_TOWN, REPORTS, write

TOKEN = "s3cret-token"


@pytest.fixture
def client(tmp_path):
    store = Store(str(tmp_path / "api.db"))
    ingest([str(write(tmp_path, [*REPORTS, OTHER_TOWN]))], store)
    with TestClient(create_app(store=store, token=TOKEN)) as c:
        yield c
    store.close()


def test_api_health_and_docs(client):
    assert client.get("/health").json()["events"] == 2
    assert client.get("/docs").status_code == 200
    assert "/events/{event_id}" in client.get("/openapi.json").json()["paths"]


def test_api_events_filters_pagination_formats(client):
    all_ = client.get("/events").json()
    assert all_["total"] == 2 and len(all_["events"]) == 2
    page = client.get("/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and len(page["events"]) == 1
    assert client.get("/events", params={"sub_type": "Attack"}).json()["total"] == 1
    assert client.get("/events", params={"near": "13.09,-1.08", "km": 20}).json()["total"] == 1
    gj = client.get("/events", params={"format": "geojson"}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    csv = client.get("/events", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.startswith("event_id_cnty,event_date")


@pytest.mark.parametrize(
    "params",
    [
        {"country": "Burkina Faso' OR '1'='1"},
        {"actor": "%' UNION SELECT * FROM articles --"},
        {"country": 'x"; DROP TABLE events; --'},
    ],
)
def test_api_sql_injection_probes_find_nothing_and_break_nothing(client, params):
    r = client.get("/events", params=params)
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/health").json()["events"] == 2


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"near": "north"}, {"limit": 0}, {"km": -5}])
def test_api_rejects_malformed_filters(client, params):
    assert client.get("/events", params=params).status_code == 422


def test_api_event_with_sources_articles_and_evidence(client):
    ev = client.get("/events", params={"sub_type": "Armed clash"}).json()["events"][0]
    full = client.get(f"/events/{ev['event_id_cnty']}").json()
    assert len(full["reports"]) == 3 and full["merge_log"][0]["action"] == "new"
    art = client.get(f"/articles/{full['reports'][0]['article_id']}").json()
    span = next(iter(full["reports"][0]["evidence"].values()))[0]
    assert art["text"][span["start"] : span["end"]] == span["text"]
    assert client.get("/events/NOPE1").status_code == 404
    assert client.get("/articles/999999").status_code == 404


def test_api_extract_stores_nothing(client):
    r = client.post("/extract", json={"text": OTHER_TOWN[1], "published": "2024-05-06"})
    assert r.status_code == 200 and r.json()["events"][0]["location"] == "Kaya"
    assert client.get("/health").json()["articles"] == 4
    assert client.post("/extract", json={}).status_code == 422
    assert client.post("/extract", json={"text": "\x00\x01 short"}).status_code == 422


def test_api_write_needs_the_token(client):
    body = {"text": OTHER_TOWN[1].replace("three", "four"), "published": "2024-05-06"}
    assert client.post("/articles", json=body).status_code == 401
    assert client.post("/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    ok = client.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json()["merged_events"]
    again = client.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json()["duplicate"]


def test_api_without_a_token_refuses_writes(tmp_path):
    with TestClient(create_app(str(tmp_path / "t.db"))) as c:
        r = c.post("/articles", json={"text": OTHER_TOWN[1]}, headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403


def test_api_body_size_limit(client):
    big = {"text": "a " * (MAX_BODY // 2 + 10)}
    assert client.post("/extract", json=big).status_code == 413

    def chunks():
        for _ in range(30):
            yield b"x" * 100_000

    r = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_api_pages_have_a_content_security_policy(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
