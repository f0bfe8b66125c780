"""FastAPI app: events, articles, extraction and ingestion over HTTP, and the web map at /."""

import secrets
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from conflictwire import extract_events, read_article
from conflictwire.errors import ConflictwireError
from conflictwire.models import Article
from conflictwire.output import event_record
from conflictwire.store import EventFilter, Store
from conflictwire.store.export import to_acled_csv, to_geojson

WEB = Path(__file__).parent / "web"
MAX_BODY = 2_000_000


class BodyLimit:
    """Refuse request bodies over the limit, declared or streamed, with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0
        refused = False

        async def limited() -> dict[str, Any]:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            msg = await receive()
            seen += len(msg.get("body", b""))
            if seen > self.limit:
                # answer now; the app sees the client go away, and what it sends after is dropped
                refused = True
                await _too_large(send, self.limit)
                return {"type": "http.disconnect"}
            return msg

        async def guarded_send(message: dict[str, Any]) -> None:
            if not refused:
                await send(message)

        try:
            await self.app(scope, limited, guarded_send)
        except Exception:
            if not refused:
                raise


class _TooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "request body over {limit} bytes"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class ArticleIn(BaseModel):
    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="or its HTML page")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: str | None = None
    url: str | None = None
    title: str | None = None
    id: str | None = None


def _read(body: ArticleIn) -> Article:
    content = body.text if body.text is not None else body.html
    if not content:
        raise HTTPException(422, "give 'text' or 'html'")
    try:
        return read_article(
            content,
            published=body.published,
            source=body.source,
            url=body.url,
            title=body.title,
            id=body.id,
            is_html=True if body.text is None else None,
        )
    except ConflictwireError as exc:
        raise HTTPException(422, str(exc)) from exc


def create_app(db: str | None = None, token: str | None = None, store: Store | None = None) -> FastAPI:
    app = FastAPI(
        title="conflictwire",
        version="0.1.0",
        description="Political violence and protest events extracted from news, with evidence.",
    )
    the_store = store or Store(db)

    def get_store() -> Store:
        return the_store

    StoreDep = Annotated[Store, Depends(get_store)]

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(
                403, "ingestion is disabled: the operator set no token (--token or $CONFLICTWIRE_TOKEN)"
            )
        if not authorization or not authorization.startswith("Bearer "):
            raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        if not secrets.compare_digest(authorization.removeprefix("Bearer ").encode(), token.encode()):
            raise HTTPException(403, "wrong token")

    def filters(
        country: str | None = None,
        admin1: str | None = None,
        since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
        until: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
        type: str | None = None,
        sub_type: str | None = None,
        actor: str | None = None,
        near: Annotated[str | None, Query(pattern=r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$", description="LAT,LON")] = None,
        km: Annotated[float, Query(gt=0, le=5000)] = 50.0,
        min_fatalities: Annotated[int | None, Query(ge=0)] = None,
        source: str | None = None,
        limit: Annotated[int, Query(ge=1, le=10000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> EventFilter:
        point = tuple(float(x) for x in near.split(",")) if near else None
        return EventFilter(
            country=country,
            admin1=admin1,
            since=since,
            until=until,
            type=type,
            sub_type=sub_type,
            actor=actor,
            near=point,
            km=km,
            min_fatalities=min_fatalities,
            source=source,
            limit=limit,
            offset=offset,
        )  # type: ignore[arg-type]

    @app.get("/health")
    def health(s: StoreDep) -> dict[str, Any]:
        return {"status": "ok", **s.counts()}

    @app.get("/events", response_model=None)
    def list_events(
        s: StoreDep, f: Annotated[EventFilter, Depends(filters)], format: Literal["json", "geojson", "csv"] = "json"
    ) -> Any:
        total, records = s.page(f)
        if format == "geojson":
            return to_geojson(records)
        if format == "csv":
            return PlainTextResponse(
                to_acled_csv(records),
                media_type="text/csv",
                headers={"Content-Disposition": 'attachment; filename="events.csv"'},
            )
        return {"total": total, "limit": f.limit, "offset": f.offset, "events": records}

    @app.get("/events/{event_id}")
    def get_event(event_id: str, s: StoreDep) -> dict[str, Any]:
        rec = s.event(event_id)
        if rec is None:
            raise HTTPException(404, f"no event {event_id}")
        rec["merge_log"] = [{k: str(v) for k, v in row.items()} for row in s.merge_log(event_id)]
        return rec

    @app.get("/articles/{article_id}")
    def get_article(article_id: int, s: StoreDep) -> dict[str, Any]:
        rec = s.article(article_id)
        if rec is None:
            raise HTTPException(404, f"no article {article_id}")
        return rec

    @app.post("/extract")
    def extract(body: ArticleIn) -> dict[str, Any]:
        art = _read(body)
        return {"article": art.as_dict(with_text=True), "events": [event_record(e) for e in extract_events(art)]}

    @app.post("/articles", status_code=201, dependencies=[Depends(require_token)])
    def add_article(body: ArticleIn, s: StoreDep) -> JSONResponse:
        art = _read(body)
        record = {**art.as_dict(), "content_hash": art.content_hash, "text": art.text}
        result = s.add_article(record, [event_record(e) for e in extract_events(art)])
        payload = {
            "article_id": result.article_id,
            "duplicate": result.duplicate,
            "new_events": result.new_events,
            "merged_events": result.merged_events,
        }
        return JSONResponse(payload, status_code=200 if result.duplicate else 201)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=WEB, check_dir=False), name="static")
    app.add_middleware(BodyLimit, limit=MAX_BODY)  # type: ignore[arg-type]

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers["Content-Security-Policy"] = (
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
            )
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return app
