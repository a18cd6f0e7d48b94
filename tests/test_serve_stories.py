"""The web app's story pages (`newsbrief serve --db`): list, brief with coverage, JSON, escaping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.store import open_store, track

pytest.importorskip("fastapi", reason="the 'serve' extra (fastapi) is not installed")
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsbrief.serve.stories import add_story_routes

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_TITLE = '<script>alert("x")</script> Talks'


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("serve-stories")
    db = str(folder / "store.db")
    hostile = folder / "hostile.jsonl"
    text = (
        "The village bakery contest drew forty bakers with sourdough loaves, rye breads and honey cakes; "
        "judges tasted crusts, praised the ovens and crowned a retired teacher whose walnut bread won. "
    ) * 3
    hostile.write_text(json.dumps({"id": "h1", "title": HOSTILE_TITLE, "text": text}) + "\n", encoding="utf-8")
    store = open_store(db)
    track(store, [str(ROOT / "examples" / "kerry-lavrov-2014"), str(hostile)])
    store.close()
    app = FastAPI()
    add_story_routes(app, db)
    return TestClient(app, base_url="http://127.0.0.1")


def test_list_newest_first_and_json(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    assert stories and [s["last_seen"] for s in stories] == sorted((s["last_seen"] for s in stories), reverse=True)
    page = client.get("/stories")
    assert page.status_code == 200
    assert all(f'href="/stories/{s["id"]}"' in page.text for s in stories)
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text


def test_story_page_has_brief_and_coverage(client: TestClient) -> None:
    biggest = max(client.get("/api/stories").json()["stories"], key=lambda s: s["articles"])
    page = client.get(f"/stories/{biggest['id']}")
    assert page.status_code == 200 and "Coverage over time" in page.text and "Briefing" in page.text
    assert "<script>alert" not in page.text
    data = client.get(f"/api/stories/{biggest['id']}").json()
    assert data["story"]["id"] == biggest["id"] and len(data["sources"]) == biggest["articles"]


@pytest.mark.parametrize("story", ["s999999", "../etc", "x"])
def test_unknown_story_is_404(client: TestClient, story: str) -> None:
    assert client.get(f"/stories/{story}").status_code == 404
    assert client.get(f"/api/stories/{story}").status_code == 404
