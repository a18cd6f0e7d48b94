"""The web app through FastAPI's test client: the API, the form, and every request limit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'serve' extra (fastapi)")
pytest.importorskip("multipart", reason="the web app needs the 'serve' extra (python-multipart)")
jsonschema = pytest.importorskip("jsonschema", reason="schema validation needs jsonschema (test extra)")

from fastapi.testclient import TestClient  # noqa: E402

from newsbrief.cli import main  # noqa: E402
from newsbrief.serve import Limits, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "src" / "newsbrief" / "schema" / "brief.schema.json"
OPENAPI = ROOT / "docs" / "openapi.json"
BASE_URL = "http://127.0.0.1"  # the app answers loopback names only (see test_hostile_serve.py)
LIMITS = Limits(max_body_bytes=400_000, max_documents=6, timeout_s=60, max_workers=2)


def example_documents(example_dir: Path) -> list[dict[str, str]]:
    documents = []
    for path in sorted(example_dir.iterdir()):
        title, _, text = path.read_text(encoding="utf-8").lstrip().partition("\n")
        documents.append({"title": title, "text": text})
    return documents


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(LIMITS), base_url=BASE_URL) as test_client:
        yield test_client


def test_api_brief_json_follows_the_schema(client, example_dir):
    response = client.post("/api/brief", json={"documents": example_documents(example_dir), "words": 120})
    assert response.status_code == 200, response.text
    data = response.json()
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["summary"] and 0 < data["words"] <= 120
    ids = {s["id"] for s in data["sources"]}
    assert len(ids) == 5
    assert all(set(item["sources"]) <= ids for item in data["summary"])


def test_api_brief_html_is_the_report(client, example_dir):
    response = client.post("/api/brief", json={"documents": example_documents(example_dir), "format": "html"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.startswith("<!DOCTYPE html>") and 'data-targets="s' in response.text


def test_body_over_the_limit_is_refused_from_content_length(client):
    body = b'{"documents": [{"text": "' + b"x" * LIMITS.max_body_bytes + b'"}]}'
    response = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large" and response.json()["limit"] == LIMITS.max_body_bytes


def test_body_over_the_limit_is_refused_when_streamed_without_length(client):
    def chunks():
        yield b'{"documents": [{"text": "'
        for _ in range(10):
            yield b"y" * (LIMITS.max_body_bytes // 8)
        yield b'"}]}'

    response = client.post("/api/brief", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large"


def test_too_many_documents(client):
    documents = [{"title": f"T{i}", "text": "Something happened today in the city."} for i in range(7)]
    response = client.post("/api/brief", json={"documents": documents})
    assert response.status_code == 422
    assert response.json() == {
        "error": "too_many_documents",
        "message": "7 documents sent; at most 6 are allowed",
        "limit": 6,
    }


def test_documents_without_text_are_a_clear_error(client):
    response = client.post("/api/brief", json={"documents": [{"title": "only a title", "text": "   "}]})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "no_usable_input" and "documents[1]" in body["message"]


@pytest.mark.parametrize(
    "payload",
    [{"documents": []}, {"documents": [{"text": "a"}], "words": 0}, {"documents": [{"body": "a"}]}, {"format": "pdf"}],
)
def test_invalid_requests_are_422(client, payload):
    assert client.post("/api/brief", json=payload).status_code == 422


def test_slow_brief_times_out_with_504(example_dir):
    with TestClient(create_app(Limits(timeout_s=0.001)), base_url=BASE_URL) as quick:
        response = quick.post("/api/brief", json={"documents": example_documents(example_dir)})
    assert response.status_code == 504
    assert response.json()["error"] == "timeout"


def test_form_upload_returns_the_report(client, example_dir):
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(example_dir.iterdir())]
    response = client.post("/report", files=files, data={"words": "150", "analysis": "1"})
    assert response.status_code == 200, response.text
    assert "<h1>Briefing</h1>" in response.text and 'class="summary"' in response.text


def test_form_pasted_texts_are_briefed(client):
    texts = [
        "Council approves budget\nThe city council approved the budget on Monday. The vote was close.",
        "Budget passes\nThe council passed the city budget on Monday after a long debate.",
    ]
    response = client.post("/report", data={"texts": texts, "words": "40"})
    assert response.status_code == 200, response.text
    assert "Council approves budget" in response.text


def test_unusable_upload_becomes_a_warning(client, example_dir):
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(example_dir.iterdir())[:2]]
    files.append(("files", ("photo.txt", b"\x89PNG\x00\x00\x01binary", "text/plain")))
    response = client.post("/report", files=files, data={"words": "100"})
    assert response.status_code == 200, response.text
    assert 'id="warnings"' in response.text and "photo.txt" in response.text


def test_api_accepts_html_documents(client):
    paragraphs = "".join(
        f"<p>The city council approved the new budget on Monday after a debate of {n} hours, officials said.</p>"
        for n in range(2, 6)
    )
    page = f"<html><head><title>Budget passes</title></head><body><article>{paragraphs}</article></body></html>"
    documents = [
        {"html": page, "url": "https://news.example.org/budget"},
        {"title": "Council backs budget", "text": "The council backed the budget on Monday. The debate was long."},
    ]
    response = client.post("/api/brief", json={"documents": documents, "words": 50})
    assert response.status_code == 200, response.text
    first = response.json()["sources"][0]
    assert first["url"] == "https://news.example.org/budget" and first["words"] > 20


def test_form_errors_are_escaped_pages(client):
    payload = '<img src=x onerror="alert(1)">.txt'
    response = client.post("/report", files=[("files", (payload, b"   ", "text/plain"))], data={"words": "150"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "<img" not in response.text and "&lt;img src=x onerror=" in response.text


def test_form_document_limit(client):
    response = client.post("/report", data={"texts": [f"Title {i}\nText number {i}." for i in range(7)]})
    assert response.status_code == 422 and "at most 6" in response.text
    files = [("files", (f"{i}.txt", f"Title {i}\nText {i}.".encode(), "text/plain")) for i in range(7)]
    response = client.post("/report", files=files)
    assert response.status_code == 422 and "7 documents sent; at most 6" in response.text


def test_form_body_limit_gives_an_html_page(client):
    big = ("A headline\n" + "word " * (LIMITS.max_body_bytes // 5)).encode()
    response = client.post("/report", files=[("files", ("big.txt", big, "text/plain"))])
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html") and "byte limit" in response.text


def test_index_page_is_a_form_with_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'action="/report"' in response.text and 'type="file"' in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert client.get("/app.js").headers["content-type"].startswith("text/javascript")


def test_openapi_documents_the_api_and_docs_copy_is_current(client):
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/brief"]["post"]
    assert {"200", "413", "422", "504"} <= set(operation["responses"])
    assert "BriefRequest" in spec["components"]["schemas"]
    # docs/openapi.json is exported from the app; regenerate it as docs/report.md says when this fails
    assert json.loads(OPENAPI.read_text(encoding="utf-8")) == create_app().openapi()


def test_serve_command_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    assert "127.0.0.1" in capsys.readouterr().out
