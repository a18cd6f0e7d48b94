"""Figures read from a sentence (quantities): number words, measures, and what the support test makes of them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsbrief.quantities import contradicting, quantities

_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spelled(n: int, joined_by_and: bool) -> str:
    """``n`` (1..999) in English words, written here independently of the parser under test."""
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        below = ""
    elif rest < 10:
        below = _ONES[rest - 1]
    elif rest < 20:
        below = _TEENS[rest - 10]
    else:
        tens, ones = divmod(rest, 10)
        below = _TENS[tens - 2] + (f"-{_ONES[ones - 1]}" if ones else "")
    if not hundreds:
        return below
    head = f"{_ONES[hundreds - 1]} hundred"
    return f"{head} and {below}" if below and joined_by_and else f"{head} {below}".strip()


@given(st.integers(1, 999), st.booleans(), st.booleans())
def test_a_compound_number_word_is_read_whole(n: int, joined_by_and: bool, opening: bool) -> None:
    words = spelled(n, joined_by_and)
    text = f"{words.capitalize()} male patients were treated." if opening else f"Doctors treated {words} patients."
    (found,) = quantities(text)
    assert found.unit == "patient" and found.low <= n <= found.high, (text, found)


def test_two_counts_in_words_joined_by_and_stay_two() -> None:
    found = quantities("The storm killed two and injured three hundred and five residents.")
    assert sorted((q.unit, round(q.low)) for q in found) == [("deaths", 2), ("injured", 290)], found


_MEASURES = ["feet", "inches", "miles", "yards", "pounds", "ounces", "acres", "gallons", "meters", "kilometers"]


@given(st.sampled_from(_MEASURES), st.integers(2, 500), st.sampled_from(["high", "above flood stage", "", "of it"]))
def test_a_measure_is_read_in_its_own_unit(unit: str, n: int, after: str) -> None:
    text = f"The river reached {n} {unit} {after}".rstrip() + "."
    (found,) = quantities(text)
    assert found.low <= n <= found.high and found.text.startswith(str(n)), (text, found)
    # the same measure in the singular ("a 7-foot wall") is the same unit
    assert contradicting((found,), quantities(f"The river reached {3 * n} {unit} {after}.")) is not None


def test_a_bracketed_conversion_does_not_replace_the_original() -> None:
    seven, thirteen = quantities("The wall is 7 feet (2 meters) high."), quantities("The wall is 13 feet high.")
    assert {q.text for q in seven} == {"7 feet", "2 meters"}
    assert contradicting(seven, thirteen) is not None  # two heights are not one fact
    assert contradicting(seven, quantities("The wall stands about 7 feet tall.")) is None
    singular = quantities("Crews built a 7-foot wall.")
    assert [q.unit for q in singular] == [seven[0].unit] and contradicting(singular, thirteen) is not None
