"""The event-window plot: tick labels (event day and date) never collide, whatever the window."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eventstudy.faces.plot import plot_event_window


def _frame(lo: int, hi: int, *, start: str = "2021-12-01") -> pd.DataFrame:
    days = np.arange(lo, hi + 1)
    rng = np.random.default_rng(len(days))
    ar = rng.normal(0, 0.01, len(days))
    return pd.DataFrame(
        {
            "date": pd.bdate_range(start, periods=len(days)),
            "ar": ar,
            "ar_se": np.full(len(days), 0.01),
            "car": np.cumsum(ar),
            "car_se": 0.01 * np.sqrt(np.arange(1, len(days) + 1)),
        },
        index=pd.Index(days, name="day"),
    )


def _labels(fig):
    """Visible x tick labels of the figure's axes as (day, text, bbox), after drawing."""
    import matplotlib.pyplot as plt

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    lo, hi = sorted(ax.get_xlim())
    out = []
    for tick in ax.xaxis.get_major_ticks():
        loc, label = tick.get_loc(), tick.label1
        if lo <= loc <= hi and label.get_visible() and label.get_text():
            out.append((int(round(loc)), label.get_text(), label.get_window_extent(renderer)))
    plt.close(fig)
    return out


@pytest.mark.parametrize(
    ("lo", "hi"), [(-1, 1), (-3, 3), (-5, 5), (-10, 10), (-20, 20), (-60, 60), (0, 250)], ids=str
)
def test_tick_labels_never_overlap(lo, hi):
    frame = _frame(lo, hi)
    labels = _labels(plot_event_window(frame, title="t"))
    assert len(labels) >= min(3, hi - lo + 1)
    boxes = sorted((b for *_, b in labels), key=lambda b: b.x0)
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a.x1 < b.x0, f"tick labels overlap in window [{lo}, {hi}]"


@pytest.mark.parametrize(("lo", "hi"), [(-1, 1), (-5, 5), (-20, 20)], ids=str)
def test_tick_labels_give_the_event_day_and_its_date(lo, hi):
    frame = _frame(lo, hi)
    labels = _labels(plot_event_window(frame, title="t"))
    days = [d for d, *_ in labels]
    if lo <= 0 <= hi:
        assert 0 in days
    if hi - lo <= 2:
        assert days == list(range(lo, hi + 1))  # a short window labels every day
    for day, text, _ in labels:
        date = frame.loc[day, "date"]
        assert text.startswith(f"{day:+d}\n") and f"{date:%d %b}" in text


def test_year_is_shown_once_and_again_when_it_changes():
    frame = _frame(-20, 20, start="2021-12-01")  # runs from December 2021 into January 2022
    texts = [t for _, t, _ in _labels(plot_event_window(frame, title="t"))]
    assert "2021" in texts[0]
    with_2022 = [t for t in texts if "2022" in t]
    assert len(with_2022) == 1 and sum("2021" in t for t in texts) == 1


def test_without_dates_labels_are_event_days():
    frame = _frame(-20, 20).drop(columns="date")
    labels = _labels(plot_event_window(frame, title="t"))
    assert all(text == f"{day:+d}" for day, text, _ in labels) and any(d == 0 for d, *_ in labels)
