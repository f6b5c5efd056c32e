"""``eventstudy.check`` as a user calls it: a path, a Path, the text, an Article; strict JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import eventstudy
from eventstudy.exceptions import ArticleError, StudyError
from eventstudy.faces.api import parse_date
from eventstudy.read import read_file

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9f114ec4d93074be.txt"
ONE_LINE = "LONDON, 15 February 2022 - The FTSE 100 closed up 1.03 per cent at 7,608.92"


@pytest.mark.parametrize(
    "given",
    [str(SEED), SEED, SEED.read_text(encoding="utf-8"), read_file(SEED)],
    ids=["str-path", "Path", "text", "Article"],
)
def test_every_form_of_article_gives_the_same_verdict(given):
    report = eventstudy.check(given, offline=True, context=False)
    assert [v.status for v in report.verdicts] == ["confirmed"]
    doc = json.dumps(report.to_dict(), allow_nan=False)  # no NaN or Infinity in the document
    assert json.loads(doc)["published"] == "2022-02-15"


def test_one_line_text_ending_in_a_number_is_text_not_a_file_name():
    # "7,608.92" has a suffix ".92": that must not turn the text into a missing file
    report = eventstudy.check(ONE_LINE, offline=True, study=False, context=False)
    (v,) = report.verdicts
    assert v.claim.ticker == "^FTSE" and v.status == "confirmed"


def test_a_single_token_is_a_file_name():
    with pytest.raises(ArticleError, match=r"no-such-article: no such file"):
        eventstudy.check("no-such-article", offline=True)


def test_published_applies_to_an_article_object_too():
    art = read_file(SEED)
    report = eventstudy.check(art, published="2022-02-16", offline=True, study=False, context=False)
    assert report.article.published == date(2022, 2, 16)
    assert report.article.date_basis == "given"


@pytest.mark.parametrize("value", ["", "NaT", "15/02/2022", "2022-02-30"], ids=repr)
def test_published_must_be_iso(value):
    # worded for a Python caller: the keyword, not the command-line flag
    with pytest.raises(ArticleError, match=r"^published=.* is not a date; give published='YYYY-MM-DD'") as e:
        eventstudy.check(SEED, published=value, offline=True)
    assert "--published" not in str(e.value)


def test_parse_date_accepts_dates_and_iso_strings():
    assert parse_date("2022-02-15") == date(2022, 2, 15)
    assert parse_date(date(2022, 2, 15)) == date(2022, 2, 15)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"estimation": (0, 10)}, r"estimation window \(0, 10\) must end before the event window"),
        ({"window": (5, 1)}, r"event window \(5, 1\) starts after it ends"),
        ({"estimation": (-100000, -11)}, r"run outside the XLON calendar"),
    ],
    ids=["overlap", "reversed", "off-calendar"],
)
def test_set_ups_that_cannot_work_raise(kwargs, match):
    with pytest.raises(StudyError, match=match):
        eventstudy.check(SEED, offline=True, context=False, **kwargs)


def test_not_an_article():
    with pytest.raises(
        ArticleError, match=r"article must be a path, the article text or an Article, not int"
    ):
        eventstudy.check(123, offline=True)  # type: ignore[arg-type]


def test_study_follows_the_session_the_checker_settled_on():
    # published on a Saturday, the live figures could be Friday's or those of the date printed in
    # the text; they hold only on the printed date, so the study and context must be about it
    report = eventstudy.check(SEED, published="2022-02-19", offline=True)
    (v,) = report.verdicts
    assert v.claim.alt_trading_date is not None and v.session == v.claim.alt_trading_date
    assert report.main_study is not None
    assert report.main_study.event_date == v.session
    assert report.article.event_date == v.session
    assert any("event date taken as" in n for n in report.article.notes)
    assert set(report.context["session"].astype(str)) <= {str(v.session), "None"}


def test_main_study_is_about_the_event_date_of_the_header():
    # a Monday morning piece: one snapshot of this morning, three closes of Friday; the event
    # date is Friday, so the main study (and the plot) must be about Friday too
    text = (
        "Monday 7 March 2022 09.20 GMT\n"
        "The FTSE 100 was down 2.1 per cent at 6,840 in early trading this morning. "
        "On Friday the FTSE 100 closed down 3.5 per cent at 6,987.14, and the FTSE 250 lost 3.4 per cent. "
        "In New York on Friday the S&P 500 lost 0.8 per cent."
    )
    report = eventstudy.check(text, offline=True, context=False)
    assert report.article.event_date == date(2022, 3, 4)
    assert report.main_study is not None and report.main_study.event_date == date(2022, 3, 4)
    assert report.summary().index("day 0 = 2022-03-04") < report.summary().index("day 0 = 2022-03-07")
