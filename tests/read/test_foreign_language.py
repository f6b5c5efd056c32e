"""German and French market reports: direction words and periods (our own sentences)."""

from __future__ import annotations

from eventstudy.read import read_article


def _claims(text: str, published: str):
    return [
        (c.ticker, c.direction, c.pct, c.kind, c.period)
        for c in read_article(text, published=published).claims
    ]


def test_german_direction_nouns_and_periods():
    found = _claims(
        "Der Dax schloss am Freitag 0,42 Prozent tiefer bei 15.400,12 Punkten. Für den Dax steht auf "
        "Wochensicht ein Minus von 1,2 Prozent zu Buche. Im Juli gewann der Dax 0,6 Prozent.",
        "2021-07-30",
    )
    assert found == [
        ("^GDAXI", "down", 0.42, "close", None),
        ("^GDAXI", "down", 1.2, "weekly", None),
        ("^GDAXI", "up", 0.6, "other", "month"),
    ]


def test_german_quarter_and_french_verbs():
    (q,) = _claims(
        "Der Dax büßte im ersten Quartal 8,7 Prozent ein.",
        "2022-03-31",
    )
    assert q[:2] == ("^GDAXI", "down") and (q[3], q[4]) == ("other", "quarter")
    found = _claims(
        "À Paris, le CAC 40 a bondi de 5,2% à 6 400,5 points, et le Dax a chuté de 1,1%.", "2022-03-09"
    )
    assert [(t, d, p) for t, d, p, _, _ in found] == [("^FCHI", "up", 5.2), ("^GDAXI", "down", 1.1)]


def test_a_german_or_french_month_ends_the_move_where_that_month_ended():
    assert _claims("Der Dax stieg im Mai um 2 Prozent.", "2022-06-16") == [
        ("^GDAXI", "up", 2.0, "other", "month")
    ]
    (c,) = read_article("Der Dax stieg im Mai um 2 Prozent.", published="2022-06-16").claims
    assert str(c.trading_date) == "2022-05-31"
    (c,) = read_article("Le CAC 40 a gagné 1,2% en mars.", published="2022-06-16").claims
    assert str(c.trading_date) == "2022-03-31"


def test_french_and_german_as_much_as_is_a_session_extreme():
    for text in (
        "Le Dax a perdu jusqu'à 4,8 % en séance.",
        "Der Dax fiel im Tagesverlauf um bis zu 4,8 Prozent.",
    ):
        (c,) = read_article(text, published="2022-02-24").claims
        assert (c.ticker, c.direction, c.pct, c.kind) == ("^GDAXI", "down", 4.8, "intraday"), text
