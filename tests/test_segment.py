"""Sentence segmentation: news-text edge cases and the offset invariant."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.model import Article
from newsbrief.segment import dateline_end, segment, split_paragraph
from newsbrief.summarizers.units import shown_text


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in split_paragraph(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Kerry met Mr Lavrov. They talked.", ["Mr Kerry met Mr Lavrov.", "They talked."]),
        ("Mr. Kerry met Mrs. Smith. They talked.", ["Mr. Kerry met Mrs. Smith.", "They talked."]),
        ("The U.S. Secretary of State flew in. He left.", ["The U.S. Secretary of State flew in.", "He left."]),
        ("He lives in the U.S. He left.", ["He lives in the U.S.", "He left."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("Inflation rose 3.5 percent. Prices fell.", ["Inflation rose 3.5 percent.", "Prices fell."]),
        ("Talks end at 5 p.m. Monday. Both sides left.", ["Talks end at 5 p.m. Monday.", "Both sides left."]),
        ('"We will talk." Kerry said so.', ['"We will talk."', "Kerry said so."]),
        ("He said “no deal.” Then he left.", ["He said “no deal.”", "Then he left."]),
        ("Is it over? Nobody knows! We wait.", ["Is it over?", "Nobody knows!", "We wait."]),
        ("Gen. Smith and Dr. Jones arrived. Talks began.", ["Gen. Smith and Dr. Jones arrived.", "Talks began."]),
        ("It cost $1.5m (about £1m). Work starts soon.", ["It cost $1.5m (about £1m).", "Work starts soon."]),
        ("Crowds gathered... Then silence.", ["Crowds gathered...", "Then silence."]),
        ("the talks ended. then they left.", ["the talks ended. then they left."]),  # no capital: no split
        ("Talks on Ukraine end in deadlock", ["Talks on Ukraine end in deadlock"]),
        (
            "Sen. Kirsten Gillibrand spoke on Jan. 5. Votes followed.",
            ["Sen. Kirsten Gillibrand spoke on Jan. 5.", "Votes followed."],
        ),
        # newswire: ``quotes'' closing after the full stop, dashes, state and month abbreviations
        (
            "``Welcome President Clinton,'' the sign read. ``We remember.'' He smiled.",
            ["``Welcome President Clinton,'' the sign read.", "``We remember.''", "He smiled."],
        ),
        (
            "PINE RIDGE, S.D. (AP) -- Clinton arrived. SALEM, Ore. (AP) -- He left. LOS ANGELES, Calif. -- He won.",
            [
                "PINE RIDGE, S.D. (AP) -- Clinton arrived.",
                "SALEM, Ore. (AP) -- He left.",
                "LOS ANGELES, Calif. -- He won.",
            ],
        ),
        (
            "The vote is set for Nov. 16 in the U.S. Senate. Sen. Bob Dole and Lt. Gen. J.R. Smith agreed.",
            ["The vote is set for Nov. 16 in the U.S. Senate.", "Sen. Bob Dole and Lt. Gen. J.R. Smith agreed."],
        ),
        (
            "Shares fell 2.5 percent . . . Traders left at 4 p.m. EST.",
            ["Shares fell 2.5 percent . . .", "Traders left at 4 p.m. EST."],
        ),
        # quotes, speech tags and spaces lost by scrapers
        ('"Oh really?" Ida asks. "That\'s clever."', ['"Oh really?" Ida asks.', '"That\'s clever."']),
        ("“No racism, period!” He said liberals get a pass.", ["“No racism, period!”", "He said liberals get a pass."]),
        ("They had it all wrong.The family is upset.", ["They had it all wrong.", "The family is upset."]),
        ("He posted it to Alt.Sex. Nobody saw it.", ["He posted it to Alt.Sex.", "Nobody saw it."]),
        (
            "He works in Farmington Hills, Mich. Robinet's firm agrees.",
            ["He works in Farmington Hills, Mich.", "Robinet's firm agrees."],
        ),
        (
            "Too much may harm, he contends. (HealthDay)—A little jogging helps.",
            ["Too much may harm, he contends.", "(HealthDay)—A little jogging helps."],
        ),
        # Chinese and Japanese: full-width marks, no space after them
        (
            "北京宣布新计划。该计划包括减税！专家欢迎吗？是的。",
            ["北京宣布新计划。", "该计划包括减税！", "专家欢迎吗？", "是的。"],
        ),
        (
            "首相は「増税しない。」と述べた。会見は一時間続いた。",
            ["首相は「増税しない。」と述べた。", "会見は一時間続いた。"],
        ),
        ("市长说：“我们必须行动。”“谢谢。” 会议结束。", ["市长说：“我们必须行动。”", "“谢谢。”", "会议结束。"]),
    ],
)
def test_split_paragraph_handles_news_text(text, expected):
    assert sentences(text) == expected


def test_headlines_bullets_and_paragraph_offsets():
    text = "\n\n".join(
        [
            "Direct dialogue plea",
            "Russia said on Monday it was drafting proposals. Mr Lavrov agreed.",
            "Nato and Russia will hold talks in Brussels",
        ]
    )
    article = segment(Article(id=1, path="x", raw_text=text, text=text))
    got = [(s.text, s.paragraph, s.is_heading) for s in article.sentences]
    assert got == [
        ("Direct dialogue plea", 0, True),
        ("Russia said on Monday it was drafting proposals.", 1, False),
        ("Mr Lavrov agreed.", 1, False),
        ("Nato and Russia will hold talks in Brussels", 2, True),
    ]
    assert [s.index for s in article.sentences] == [0, 1, 2, 3]
    assert all(s.key == f"1:{s.index}" for s in article.sentences)


def test_a_quote_closing_without_a_full_stop_is_no_sentence_end():
    article = segment(Article(id=1, path="x", raw_text="", text='Yanukovych: "I will be back in Kiev"'))
    assert article.sentences[0].is_heading


news_alphabet = st.sampled_from(list("abc ABC.!?…\"'“”’()[]-–\n 0123 Mr U.S. p.m. •。！？「」中文`"))
texts = st.lists(
    st.one_of(news_alphabet, st.sampled_from([" Mr. ", " U.S. ", "\n\n", ". ", '." ', "?” ", " 3.5 "])),
    max_size=120,
).map("".join) | st.text(max_size=300)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_offsets_are_exact_ordered_and_non_overlapping(text):
    article = segment(Article(id=3, path="x", raw_text=text, text=text))
    previous_end = 0
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert previous_end <= sentence.start < sentence.end
        previous_end = sentence.end
    # nothing but whitespace is lost between sentences
    covered = "".join(s.text for s in article.sentences)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("RIVERTON (AP) -- The bridge reopened on Monday.", "The bridge reopened on Monday."),
        ("PORTO, May 3 (Wire) -- The ministry said it would act.", "The ministry said it would act."),
        ("FARMINGTON HILLS, Mich. (AP) _ A school board voted.", "A school board voted."),
        ("LAKEVIEW, Ore. _ ``We are ready,'' the mayor said.", "``We are ready,'' the mayor said."),
        ("NEW TOWN — Voters went to the polls.", "Voters went to the polls."),
        ("UNION TOWN, Ga. - Police said the road was closed.", "Police said the road was closed."),
        # no dateline: a capitalised name, an acronym as subject, a dash inside the sentence
        ("NATO said on Monday that it would meet.", "NATO said on Monday that it would meet."),
        ("The U.S. -- and its allies -- agreed.", "The U.S. -- and its allies -- agreed."),
        ("UN -- the council met in the morning.", "UN -- the council met in the morning."),
    ],
)
def test_a_wire_dateline_is_not_shown(text, shown):
    """The summary shows a first sentence without its dateline (``shown_text``); the sentence keeps it."""
    article = segment(Article(id=1, path="a", raw_text=text, text=text))
    sentence = article.sentences[0]
    assert sentence.text == text
    assert shown_text(sentence) == shown == article.text[sentence.start + dateline_end(sentence.text) : sentence.end]
