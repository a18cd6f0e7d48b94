"""The local web app: a page to drop files or paste texts, and ``POST /api/brief``.

Limits are enforced here, before and around the work: the request body size (413, counted
byte by byte so a missing or false ``Content-Length`` does not help), the number of documents
(422, counted before any document is validated: the JSON parser itself stops past a bound on
objects), the processing time (504, the worker process is stopped), and the client's patience
(a client that disconnects has its worker stopped). Errors are JSON objects
``{"error": CODE, "message": TEXT, ...}`` on the API, built from strings only so that they always
serialise (NaN, ±Infinity and over-long numbers are refused as invalid JSON), and escaped HTML
pages on the form. :mod:`newsbrief.serve.guard` checks Host and Origin first.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsbrief import __version__
from newsbrief.errors import NewsbriefError
from newsbrief.serve.guard import HostOriginGuard, SecurityHeaders, allowed_hosts
from newsbrief.serve.worker import Job, JobCancelled, JobFailed, JobTimeout, run_with_deadline, start_fork_server
from newsbrief.settings import DEFAULT_WORDS

MAX_WORDS = 5000
# How often a running briefing checks that its client is still connected (seconds).
DISCONNECT_POLL_S = 0.25
# JSON objects a request body may hold per allowed document (one per document, the request
# itself, room to spare): the parser stops past this, long before 600k tiny documents are built.
OBJECTS_PER_DOCUMENT = 2
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may ask for. The defaults suit one person on their own machine."""

    max_body_bytes: int = 10 * 1024 * 1024
    max_documents: int = 50
    timeout_s: float = 60.0
    max_workers: int = 2  # briefings running at once; more requests wait (up to timeout_s) for a slot


class ApiError(HTTPException):
    """An error with a stable machine-readable ``code`` and a sentence for people."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(status_code=status, detail=message)
        self.code = code
        self.message = message
        self.extra = extra


class BodySizeLimit:
    """ASGI middleware: refuse bodies above ``max_bytes`` with 413.

    ``Content-Length`` is checked first (nothing is read); the bytes actually received are
    counted too, for chunked uploads and lying headers. The count is raised as an
    :class:`ApiError` from ``receive`` so the framework turns it into the usual error response.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> ApiError:
        return ApiError(
            413, "body_too_large", f"request body is larger than the {self.max_bytes} byte limit", limit=self.max_bytes
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            error = self._too_large()
            await _error_response(scope["path"], error)(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise self._too_large()
            return message

        await self.app(scope, counting_receive, send)


class Document(BaseModel):
    """One article: ``text`` (plain) or ``html`` (a whole page; the main text is extracted)."""

    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, description="headline; for `text` without it none is guessed")
    text: str | None = Field(None, description="plain article text")
    html: str | None = Field(None, description="an HTML page, used when `text` is absent")
    url: str | None = Field(None, description="where it was published (also names the outlet)")
    source: str | None = Field(None, description="outlet name, e.g. BBC")
    published: str | None = Field(None, description="publication date, ISO YYYY-MM-DD")


class BriefRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[Document] = Field(min_length=1, description="the articles about one story")
    words: int = Field(DEFAULT_WORDS, ge=1, le=MAX_WORDS, description="summary length budget in words")
    sentences: int | None = Field(None, ge=1, le=200, description="summary length in sentences (wins over words)")
    format: Literal["json", "html"] = Field("json", description="json: the brief schema; html: the report page")
    analysis: bool = Field(True, description="run the analysis (entities, quotes, timeline, conflicts)")


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
}
API_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The brief: JSON following schema/brief.schema.json, or the self-contained HTML report",
        "content": {"application/json": {}, "text/html": {"schema": {"type": "string"}}},
    },
    413: {"description": "Request body too large", "content": {"application/json": {"schema": ERROR_SCHEMA}}},
    422: {
        "description": "Invalid request, too many documents, or no usable article text",
        "content": {"application/json": {"schema": ERROR_SCHEMA}},
    },
    503: {"description": "Server busy for longer than the time limit", "content": {"application/json": {}}},
    504: {"description": "Briefing took longer than the time limit", "content": {"application/json": {}}},
}


@cache
def _asset(name: str) -> str:
    """A file shipped with the app (read once, like the report's assets)."""
    return resources.files("newsbrief.serve").joinpath(name).read_text(encoding="utf-8")


def _error_page(status: int, message: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>newsbrief: error</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        '<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">'
        f'<h1>Could not make the briefing</h1><p role="alert">{escape(message)}</p>'
        f'<p><a href="/">Back</a></p><p style="color:#666">HTTP {status}</p></body></html>'
    )


def _error_response(path: str, error: ApiError) -> Response:
    """JSON for the API, an escaped HTML page for the browser form."""
    if path.startswith("/api/"):
        return JSONResponse({"error": error.code, "message": error.message, **error.extra}, error.status_code)
    return HTMLResponse(_error_page(error.status_code, error.message), error.status_code)


class _TooManyObjects(Exception):
    pass


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:40]} is out of range")
    return value


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def parse_body(body: bytes, max_objects: int) -> Any:
    """The request's JSON, refusing NaN/±Infinity/out-of-range numbers and stopping past
    ``max_objects`` objects (the count is checked while parsing, not after)."""
    count = 0

    def counted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal count
        count += 1
        if count > max_objects:
            raise _TooManyObjects
        return dict(pairs)

    try:
        return json.loads(body, object_pairs_hook=counted, parse_float=_finite, parse_constant=_refuse_constant)
    except _TooManyObjects:
        raise ApiError(
            422, "too_many_documents", f"more than {max_objects} JSON objects sent; too many documents"
        ) from None
    except RecursionError:
        raise ApiError(422, "invalid_json", "the request body is nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an integer too long, NaN
        raise ApiError(422, "invalid_json", f"the request body is not valid JSON: {exc}") from None


def _validation_error(errors: list[Any]) -> ApiError:
    """A 422 listing where and what, without echoing the input (which may not serialise)."""
    details = [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))} for error in errors
    ]
    summary = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details[:5])
    return ApiError(422, "invalid_request", f"invalid request: {summary}", details=details[:20])


def _openapi_with_request_body(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """/api/brief reads its body itself (to count before validating): describe it in the spec."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = original()  # cached by FastAPI as app.openapi_schema: completed in place below
        schema = BriefRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        components.update(schema.pop("$defs", {}))
        components["BriefRequest"] = schema
        spec["paths"]["/api/brief"]["post"]["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BriefRequest"}}},
        }
        return spec

    return openapi


def create_app(limits: Limits | None = None, hosts: frozenset[str] | None = None) -> FastAPI:
    """The ASGI app. ``limits`` bound every request; ``hosts`` are the names a request's Host may
    carry (default: loopback only); the fork server starts with the app."""
    limits = limits or Limits()
    hosts = hosts or allowed_hosts("127.0.0.1")
    slots = asyncio.Semaphore(limits.max_workers)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(start_fork_server)
        yield

    app = FastAPI(
        title="newsbrief",
        version=__version__,
        summary="Turn many articles about one story into a faithful, cited briefing.",
        description=(
            f"Limits: request body {limits.max_body_bytes} bytes (413), {limits.max_documents} documents (422), "
            f"{limits.timeout_s:g} s per briefing (504)."
        ),
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN; the app stays offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(BodySizeLimit, max_bytes=limits.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostOriginGuard, hosts=hosts)  # added last: runs first

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return _error_response(request.url.path, error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return _error_response(request.url.path, _validation_error(list(error.errors())))

    async def run(job: Job, request: Request) -> str:
        try:
            await asyncio.wait_for(slots.acquire(), limits.timeout_s)
        except TimeoutError:
            raise ApiError(503, "busy", "the server is busy; try again shortly") from None
        cancel = threading.Event()
        work = asyncio.ensure_future(asyncio.to_thread(run_with_deadline, job, limits.timeout_s, cancel))
        try:
            while not (await asyncio.wait({work}, timeout=DISCONNECT_POLL_S))[0]:
                if await request.is_disconnected():
                    cancel.set()  # the worker process is stopped; the slot frees at once
            return await work
        except JobCancelled as exc:
            raise ApiError(499, "client_closed_request", str(exc)) from None
        except JobTimeout as exc:
            raise ApiError(504, "timeout", str(exc), limit_s=limits.timeout_s) from None
        except JobFailed as exc:
            raise ApiError(500, "internal_error", str(exc)) from None
        except NewsbriefError as exc:
            raise ApiError(422, "no_usable_input", str(exc)) from None
        finally:
            cancel.set()
            if not work.done():
                await asyncio.wait({work})
            slots.release()

    def check_count(count: int) -> None:
        if count > limits.max_documents:
            raise ApiError(
                422,
                "too_many_documents",
                f"{count} documents sent; at most {limits.max_documents} are allowed",
                limit=limits.max_documents,
            )
        if count == 0:
            raise ApiError(422, "no_documents", "no document given: drop files or paste a text")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> Response:
        page = _asset("index.html").replace("{{max_documents}}", str(limits.max_documents))
        return HTMLResponse(page, headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/app.js", include_in_schema=False)
    async def app_script() -> Response:
        return Response(_asset("app.js"), media_type="text/javascript")

    @app.get("/api/health", summary="Liveness check")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "limits": asdict(limits)}

    @app.post("/api/brief", summary="Brief articles about one story", responses=API_RESPONSES)
    async def api_brief(raw: Request) -> Response:
        """Brief the documents; every summary sentence cites the sources that support it."""
        payload = parse_body(await raw.body(), OBJECTS_PER_DOCUMENT * limits.max_documents + 2)
        if isinstance(payload, dict) and isinstance(payload.get("documents"), list):
            check_count(len(payload["documents"]))  # before a single document is validated
        try:
            request = BriefRequest.model_validate(payload)
        except ValidationError as exc:
            raise _validation_error(exc.errors(include_input=False, include_context=False)) from None
        job = Job(
            documents=[d.model_dump(exclude_none=True) for d in request.documents],
            words=request.words,
            sentences=request.sentences,
            analyse=request.analysis,
            fmt=request.format,
            max_bytes=limits.max_body_bytes,
        )
        output = await run(job, raw)
        media = "text/html; charset=utf-8" if request.format == "html" else "application/json"
        return Response(output, media_type=media)

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def form_report(request: Request) -> Response:
        """The page's form: uploaded files and pasted texts in, the HTML report out."""
        try:
            # generous part counts: the document limit below gives the clearer message
            form = await request.form(
                max_files=2 * limits.max_documents + 10,
                max_fields=2 * limits.max_documents + 10,
                max_part_size=limits.max_body_bytes,
            )
        except ApiError:
            raise
        except HTTPException as exc:  # Starlette's multipart limits and malformed bodies
            raise ApiError(exc.status_code, "bad_form", str(exc.detail)) from None
        files = [item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename]
        texts = [t for t in form.getlist("texts") if isinstance(t, str) and t.strip()]
        check_count(len(files) + len(texts))
        words = str(form.get("words") or DEFAULT_WORDS)
        if not words.isdigit() or not 1 <= int(words) <= MAX_WORDS:
            raise ApiError(422, "bad_words", f"words must be a whole number from 1 to {MAX_WORDS}")
        job = Job(
            files=[(item.filename or "upload", await item.read()) for item in files],
            texts=texts,
            words=int(words),
            analyse=form.get("analysis") is not None,
            fmt="html",
            max_bytes=limits.max_body_bytes,
        )
        return HTMLResponse(await run(job, request))

    app.openapi = _openapi_with_request_body(app)  # type: ignore[method-assign]
    return app
