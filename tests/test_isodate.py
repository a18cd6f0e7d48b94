"""The one reader of the analysis's ISO date forms (day, month, year, interval)."""

from datetime import date

import pytest

from newsbrief.isodate import bounds, parse_start, specificity, start_date


def test_every_form_has_its_first_and_last_day():
    assert bounds("2014-03-16") == ("2014-03-16", "2014-03-16")
    assert bounds("2014-02") == ("2014-02-01", "2014-02-28")
    assert bounds("2012-02") == ("2012-02-01", "2012-02-29")
    assert bounds("1994") == ("1994-01-01", "1994-12-31")
    assert bounds("2014-03-03/2014-03-09") == ("2014-03-03", "2014-03-09")
    assert start_date("2014-03-03/2014-03-09") == date(2014, 3, 3)
    assert [specificity(v) for v in ("2014-03-16", "2014-03-03/2014-03-09", "2014-03", "2014")] == [3, 2, 1, 0]


@pytest.mark.parametrize("value", ["", "March 2014", "2014-13", "2014-02-30", "14-03-16", None, 2014])
def test_what_is_not_in_the_grammar_is_refused(value):
    assert parse_start(value) is None
    if isinstance(value, str):
        with pytest.raises(ValueError):
            start_date(value)
