"""Story clustering: metrics, near-duplicates, online clustering on synthetic streams, the CLI,
and (with the benchmark data) quality on the 250 mixed Multi-News validation clusters and, unseen,
the 50 DUC 2006 topics."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cluster_eval import gold_and_predicted, write_duc_stream, write_mixed_stream
from newsbrief.clean import clean
from newsbrief.cluster import (
    StoryClusterer,
    adjusted_rand_index,
    article_features,
    bcubed,
    cluster_articles,
    near_duplicate_groups,
)
from newsbrief.cluster.run import cluster_inputs
from newsbrief.cluster.stories import ClusterSettings
from newsbrief.model import Article, Extracted
from newsbrief.settings import Options

# Three unrelated stories, each told by several "outlets" in different words.
TOPICS = {
    "flood": (
        ["Monsoon", "floods", "swept", "villages", "Assam", "river", "Brahmaputra", "rescue", "boats", "evacuated"],
        [
            "Army helicopters dropped food parcels",
            "The Brahmaputra burst its banks near Guwahati",
            "Thousands sheltered in relief camps in Assam",
            "Rescue boats reached stranded families at dawn",
            "Officials said the river level was still rising",
            "Crops across the district were destroyed",
        ],
    ),
    "chess": (
        ["chess", "grandmaster", "Carlsen", "tournament", "Norway", "endgame", "rook", "title", "Stavanger"],
        [
            "Carlsen sealed the title with a rook endgame in Stavanger",
            "The Norwegian grandmaster won his fifth game",
            "His rival blundered a pawn in the time scramble",
            "The chess tournament drew record online audiences",
            "Carlsen said the endgame was the hardest of the event",
            "Organisers in Norway praised the fighting play",
        ],
    ),
    "vaccine": (
        ["vaccine", "malaria", "trial", "children", "Ghana", "doses", "efficacy", "regulators", "Oxford"],
        [
            "Regulators in Ghana approved the Oxford malaria vaccine",
            "The trial showed high efficacy in children",
            "Three doses are given before the rainy season",
            "Health workers will start vaccinating next month",
            "Scientists called the malaria results a breakthrough",
            "The vaccine costs a few dollars per dose",
        ],
    ),
}


def _story_text(topic: str, rng: random.Random) -> str:
    keywords, sentences = TOPICS[topic]
    picked = rng.sample(sentences, 4)
    filler = " ".join(rng.sample(keywords, 5))
    return "\n\n".join(
        f"{s}, reporters said on the scene of the {filler.split()[i]} story." for i, s in enumerate(picked)
    )


def synthetic_articles(seed: int = 7) -> tuple[list[Article], dict[str, str]]:
    """Articles of three stories (4 each), one syndicated copy, one boilerplate-only page."""
    rng = random.Random(seed)
    articles, gold = [], {}
    for topic in TOPICS:
        for n in range(4):
            key = f"{topic}-{n}"
            articles.append(Article(len(articles) + 1, key, _story_text(topic, rng)))
            gold[key] = topic
    original = articles[0].raw_text
    articles.append(Article(len(articles) + 1, "flood-copy", "By Wire Staff\n\n" + original + "\n\nCopyright 2024"))
    gold["flood-copy"] = "flood"
    boilerplate = "Tweet with a location\n\nSkip to main content\n\nAdvertisement\n\nShare this article"
    articles.append(Article(len(articles) + 1, "widget", boilerplate))
    gold["widget"] = "widget"
    return articles, gold


def _cluster(articles: list[Article], **settings: float | None) -> dict[str, object]:
    features = [article_features(a.path, clean(a)) for a in articles]
    assignments, _ = cluster_articles(features, ClusterSettings(min_content_terms=10, **settings))
    return assignments


def _partition(assignments: dict[str, object]) -> set[frozenset[str]]:
    groups: dict[object, set[str]] = {}
    for key, assignment in assignments.items():
        groups.setdefault(assignment.story or ("none", key), set()).add(key)
    return {frozenset(g) for g in groups.values()}


def test_bcubed_and_ari_on_known_values() -> None:
    assert bcubed(["x", "x", "y"], ["a", "a", "b"]).f1 == 1.0
    lumped = bcubed(["x"] * 4, ["a", "a", "b", "b"])
    assert (lumped.precision, lumped.recall) == (0.5, 1.0)
    assert lumped.f1 == pytest.approx(2 / 3)
    # None is a singleton of its own, never merged with other None items.
    split = bcubed([None, None], ["a", "a"])
    assert (split.precision, split.recall) == (1.0, 0.5)
    # Reference value from the definition (scikit-learn gives 0.2424... for this pair).
    assert adjusted_rand_index([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1]) == pytest.approx(0.242424, abs=1e-5)
    assert adjusted_rand_index(["p", "p", "q"], ["a", "a", "b"]) == 1.0


def test_near_duplicate_groups_link_syndicated_copies_only() -> None:
    articles, _ = synthetic_articles()
    groups = near_duplicate_groups(articles)
    by_path = {a.path: groups[a.id] for a in articles}
    assert by_path["flood-copy"] == by_path["flood-0"]
    assert len({by_path[f"flood-{n}"] for n in range(4)}) == 4  # same story, different words: not copies


def test_synthetic_stream_recovers_stories_and_flags_boilerplate() -> None:
    articles, gold = synthetic_articles()
    assignments = _cluster(articles)
    assert assignments["widget"].story is None
    assert "no article content" in assignments["widget"].reason
    assert assignments["flood-copy"].duplicate_of == "flood-0"
    keys = sorted(gold)
    score = bcubed([assignments[k].story for k in keys], [gold[k] for k in keys])
    assert score.f1 == 1.0


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_grouping_does_not_depend_on_input_order(seed: int) -> None:
    articles, _ = synthetic_articles()
    expected = {k: a.story for k, a in _cluster(synthetic_articles()[0]).items()}
    random.Random(seed).shuffle(articles)
    shuffled = {k: a.story for k, a in _cluster(articles).items()}
    assert shuffled == expected  # the same groups and even the same story ids


def test_time_window_separates_distant_dates_and_admits_undated() -> None:
    rng = random.Random(3)
    articles = []
    for n, published in enumerate(["2024-03-01", "2024-03-02", "2024-05-20", None]):
        article = Article(n + 1, f"chess-{n}", _story_text("chess", rng))
        if published:
            article.published = Extracted(published, "metadata:published")
        articles.append(article)
    windowed = _cluster(articles, window_days=7)
    assert windowed["chess-0"].story == windowed["chess-1"].story
    assert windowed["chess-2"].story != windowed["chess-0"].story  # 80 days later: a new story
    assert windowed["chess-3"].story is not None
    unwindowed = _cluster(articles, window_days=None)
    assert len({a.story for a in unwindowed.values()}) == 1


def test_consolidate_reunites_single_article_stories() -> None:
    from newsbrief.cluster.stories import DocumentFrequency

    df = DocumentFrequency()  # IDF from a realistic mix, not from three articles
    for article in synthetic_articles()[0]:
        df.observe(article_features(article.path, clean(article)).terms)
    df.frozen = True
    rng = random.Random(5)
    topics = ["chess", "chess", "flood", "vaccine"]
    articles = [Article(n + 1, f"{topic}-{n}", _story_text(topic, rng)) for n, topic in enumerate(topics)]
    clusterer = StoryClusterer(ClusterSettings(threshold=1.0, min_content_terms=10), document_frequency=df)
    clusterer.clear_threshold = 1.0  # nothing joins while adding: four single-article stories
    assert len({clusterer.add(article_features(a.path, clean(a))).story for a in articles}) == 4
    clusterer.threshold, clusterer.clear_threshold = 0.25, 0.14
    moved = clusterer.consolidate()
    assert set(moved) == {"chess-0"}
    assert clusterer.story_of["chess-0"] == clusterer.story_of["chess-1"] != clusterer.story_of["flood-2"]
    assert sorted(len(s.members) for s in clusterer.stories.values()) == [1, 1, 2]


def test_short_text_follows_its_story_but_never_opens_one() -> None:
    articles, _ = synthetic_articles()
    teaser = "Carlsen sealed the chess title in Stavanger with a rook endgame."
    recipe = "Bake the sourdough loaf for forty minutes until golden and crisp."
    crawl = (
        "Web wide crawl with initial seedlist and crawler configuration from March 2011.\n\n"
        "Crawl start date: 09 March, 2011\n\nNumber of captures: 2,713,676,341"
    )
    for key, text in (("chess-teaser", teaser), ("recipe", recipe), ("crawl", crawl)):
        articles.append(Article(len(articles) + 1, key, text))
    assignments = _cluster(articles)
    assert assignments["chess-teaser"].story == assignments["chess-0"].story
    assert assignments["recipe"].story is None and "no article content" in assignments["recipe"].reason
    assert assignments["crawl"].story is None  # archive crawl metadata is boilerplate, not content
    # A teaser alone opens no story.
    alone = _cluster([Article(1, "chess-teaser", teaser)])
    assert alone["chess-teaser"].story is None


def test_cluster_cli_writes_one_line_per_article(tmp_path) -> None:
    articles, _ = synthetic_articles()
    source = tmp_path / "feed.jsonl"
    source.write_text(
        "".join(json.dumps({"id": a.path, "title": "", "text": a.raw_text}) + "\n" for a in articles), encoding="utf-8"
    )
    out = tmp_path / "clustered.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "cluster", str(source), "-o", str(out), "--min-content-words", "10"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [a.path for a in articles]
    assert all("story" in line and line["text"] for line in lines)
    assert "3 stories" in result.stderr and "story" in result.stderr  # the summary table
    assert {line["story"] for line in lines if line["id"].startswith("chess")} == {lines[4]["story"]}


# Measured: B-cubed F1 0.8706, ARI 0.7100 (bench/bench_cluster.py, docs/scale.md). The cleaner's rules
# move these: wave 6 (185af80: credit, caption and promo lines) took 0.8745 / 0.738 to 0.8709 / 0.7226,
# wave 7's desk notes to 0.8695 / 0.7195 and its link prompts to 0.8706 / 0.7100 (one wrongly merged
# pair of stories fewer; ARI, counted over article pairs, swings with a few articles of large
# stories). B-cubed F1 is the measure. The floors leave a small margin for platform
# differences, not for regressions.
BCUBED_F1_FLOOR = 0.867
ARI_FLOOR = 0.705


def test_multinews_val250_mixed_clustering_quality(eval_data, tmp_path) -> None:
    """All 250 validation clusters' documents shuffled into one stream; each cluster is a gold story."""
    stream = tmp_path / "mixed.jsonl"
    count = write_mixed_stream(eval_data, 0, stream)
    gold, predicted = gold_and_predicted(cluster_inputs([str(stream)], Options(), ClusterSettings()))
    assert len(set(gold)) == 250 and len(gold) == count
    assert bcubed(predicted, gold).f1 >= BCUBED_F1_FLOOR
    assert adjusted_rand_index(predicted, gold) >= ARI_FLOOR


DUC2006_DOCS = (
    Path(os.environ.get("NEWSBRIEF_DUC2006", Path(__file__).resolve().parents[2] / "devdata" / "duc2006"))
    / "duc2006_docs"
)
# The unseen check: the 50 DUC 2006 topics (25 documents each) as one undated stream, never tuned on.
# Measured (wave 10, bench/bench_cluster.py --data ../devdata/duc2006/duc2006_docs): B-cubed F1
# 0.7695 (P 0.891, R 0.677), ARI 0.714. A DUC topic is broader than one event (its documents span
# up to four years), so it scores below the Multi-News stories; the floor guards the gap from growing.
DUC_BCUBED_F1_FLOOR = 0.76


@pytest.mark.skipif(not DUC2006_DOCS.is_dir(), reason=f"{DUC2006_DOCS} is missing")
def test_duc2006_topics_mixed_clustering_quality(tmp_path) -> None:
    stream = tmp_path / "duc.jsonl"
    count = write_duc_stream(DUC2006_DOCS, 0, stream)
    gold, predicted = gold_and_predicted(cluster_inputs([str(stream)], Options(), ClusterSettings()))
    assert len(set(gold)) == 50 and len(gold) == count == 1250
    assert bcubed(predicted, gold).f1 >= DUC_BCUBED_F1_FLOOR


def test_brief_does_not_count_a_syndicated_copy_as_corroboration() -> None:
    from newsbrief.pipeline import brief_articles

    rng = random.Random(11)
    original = _story_text("vaccine", rng)
    articles = [
        Article(1, "wire.txt", original),
        Article(2, "reprint.txt", "From our partners\n\n" + original),
        Article(3, "other.txt", _story_text("vaccine", rng)),
    ]
    result = brief_articles(articles)
    assert any("source 2 is a near-duplicate of source 1" in w for w in result.warnings)
    for item in result.summary:
        assert not {1, 2} <= set(item.sources), item.sources  # the copy never confirms its original
