"""The web app under hostile requests: DNS rebinding, cross-site posts, numbers JSON cannot
carry, a flood of tiny documents, and a client that leaves before its briefing is done."""

from __future__ import annotations

import json
import socket
import threading
import time
import tracemalloc
from multiprocessing import forkserver
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'serve' extra (fastapi)")
uvicorn = pytest.importorskip("uvicorn", reason="the web app needs the 'serve' extra (uvicorn)")

from fastapi.testclient import TestClient  # noqa: E402

from newsbrief.serve import Limits, create_app  # noqa: E402
from newsbrief.serve.app import parse_body  # noqa: E402
from newsbrief.serve.guard import allowed_hosts  # noqa: E402

LIMITS = Limits(max_body_bytes=10 * 1024 * 1024, max_documents=50, timeout_s=60, max_workers=2)
STORY = [
    {"title": "Bridge opens", "text": "The new bridge in Perth opened on Monday after six years of work."},
    {"title": "Perth bridge", "text": "Crowds gathered in Perth as the new bridge opened on Monday."},
]


@pytest.fixture(scope="module")
def client():
    app = create_app(LIMITS, allowed_hosts("127.0.0.1", ["newsbrief.lan"]))
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000", "newsbrief.lan"])
def test_loopback_and_allowed_host_names_are_served(client, host):
    assert client.get("/api/health", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example.com", "evil.example.com:8000", "127.0.0.1.evil.example", "", "[::1"])
def test_other_host_names_are_refused_so_dns_rebinding_reads_nothing(client, host):
    response = client.get("/api/health", headers={"host": host})
    assert response.status_code == 421
    assert response.json()["error"] == "misdirected_request"
    assert client.post("/api/brief", json={"documents": STORY}, headers={"host": host}).status_code == 421


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example.com"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:9999"},  # another local app is another origin
        {"referer": "https://evil.example.com/page.html"},
    ],
)
def test_state_changing_requests_from_another_site_are_refused(client, headers):
    response = client.post("/api/brief", json={"documents": STORY}, headers=headers)
    assert response.status_code == 403 and response.json()["error"] == "cross_origin"
    form = client.post("/report", data={"texts": "A title\nSome text."}, headers=headers)
    assert form.status_code == 403


def test_same_origin_posts_and_scripts_without_origin_are_served(client):
    same = client.post("/api/brief", json={"documents": STORY}, headers={"origin": "http://127.0.0.1:8000"})
    assert same.status_code == 200, same.text
    assert client.post("/api/brief", json={"documents": STORY}).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        '{"documents": [{"text": "a b c"}], "words": NaN}',
        '{"documents": [{"text": "a b c"}], "words": Infinity}',
        '{"documents": [{"text": "a b c"}], "words": -Infinity}',
        '{"documents": [{"text": "a b c"}], "sentences": 1e999}',
        '{"documents": [{"text": "a b c"}], "words": ' + "9" * 5000 + "}",
        '{"documents": [{"text": "a b c"}], "words": ' + "9" * 400 + "}",
        '{"documents": [{"text": "a b c"}], "words": 1.5e300}',
        '{"documents": [{"text": 1e400}]}',
        "[" * 100_000 + "]" * 100_000,
        '{"documents": "x" ',
    ],
)
def test_numbers_json_cannot_carry_are_a_422_with_a_valid_json_body(client, body):
    response = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    error = json.loads(response.text)  # strict: the body itself is valid JSON
    assert isinstance(error["message"], str) and error["error"] in {"invalid_json", "invalid_request"}


def test_validation_errors_never_echo_the_input(client):
    response = client.post("/api/brief", json={"documents": [{"text": "ok", "bogus": "x" * 1000}]})
    assert response.status_code == 422
    assert "x" * 100 not in response.text and response.json()["details"][0]["loc"] == ["documents", "0", "bogus"]


def test_a_flood_of_tiny_documents_is_refused_before_any_is_built_or_validated(client, monkeypatch):
    body = json.dumps({"documents": [{"text": "a"}] * 600_000}).encode()  # 8 MB
    validated = []
    from newsbrief.serve import app as app_module

    real_validate = app_module.BriefRequest.model_validate
    monkeypatch.setattr(
        app_module.BriefRequest,
        "model_validate",
        lambda payload: validated.append(1) or real_validate(payload),
    )
    response = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"] == "too_many_documents"
    assert validated == []
    # The parser stops after the object bound: memory is the body decoded once (8 MB), not
    # 600k parsed documents (some 150 MB as Python dicts).
    tracemalloc.start()
    with pytest.raises(Exception, match="too many documents"):
        parse_body(body, 102)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1.5 * len(body), peak
    # Just over the limit, the count is exact.
    over = client.post("/api/brief", json={"documents": [{"text": "a"}] * 51})
    assert over.json() == {
        "error": "too_many_documents",
        "message": "51 documents sent; at most 50 are allowed",
        "limit": 50,
    }


def _job_processes() -> set[int]:
    """The fork server's children: the worker processes running briefings now."""
    server = forkserver._forkserver._forkserver_pid
    children = set()
    for task in Path(f"/proc/{server}/task").iterdir():
        children |= {int(pid) for pid in (task / "children").read_text().split()}
    return children


def test_a_client_that_disconnects_has_its_worker_stopped(tmp_path):
    app = create_app(Limits(max_body_bytes=4 * 1024 * 1024, max_documents=5, timeout_s=300, max_workers=1))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        # An HTML page with 10^5 attributes on one tag: minutes of extraction work.
        page = "<html><body><p " + " ".join(f'a{i}="x"' for i in range(100_000)) + ">Some text.</p></body></html>"
        body = json.dumps({"documents": [{"html": page}]}).encode()
        request = (
            f"POST /api/brief HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        slow = socket.create_connection(("127.0.0.1", port))
        slow.sendall(request + body)
        deadline = time.monotonic() + 30
        while not _job_processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        running = _job_processes()
        assert running, "the briefing finished before the client left: make the page slower"
        slow.close()  # the client goes away
        deadline = time.monotonic() + 10
        while running & _job_processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not running & _job_processes(), "the worker kept running after its client left"
        with socket.create_connection(("127.0.0.1", port), timeout=60) as quick:  # the slot is free again
            quick.sendall(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            assert quick.recv(100).startswith(b"HTTP/1.1 200")
    finally:
        server.should_exit = True
        thread.join(30)
