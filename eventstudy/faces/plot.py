"""Plots of abnormal and cumulative abnormal returns around an event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["plot_event_window"]

#: Most tick intervals on the x axis; with two-line labels at the figure's width they never touch.
_MAX_XTICK_BINS = 12


def _day_date_formatter(dates: dict[int, pd.Timestamp]) -> Any:
    """A tick formatter for event days: ``"+3\\n18 Feb"``, with the year under the first
    dated label and wherever the year changes (the way ``ConciseDateFormatter`` shows it)."""
    from matplotlib.ticker import Formatter

    class DayDateFormatter(Formatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return self.format_ticks([x])[0]

        def format_ticks(self, values: Any) -> list[str]:
            out, year = [], None
            for x in values:
                day = int(round(float(x)))
                if abs(float(x) - day) > 1e-9:
                    out.append("")
                    continue
                t = dates.get(day)
                if t is None:
                    out.append(f"{day:+d}")
                    continue
                text = f"{day:+d}\n{t:%d %b}"
                if t.year != year:
                    text, year = f"{text}\n{t.year}", t.year
                out.append(text)
            return out

    return DayDateFormatter()


def plot_event_window(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    alpha: float = 0.05,
) -> Figure:
    """Bar chart of daily abnormal returns and line of the cumulative abnormal return.

    Parameters
    ----------
    frame
        One row per event day, indexed by the relative day (0 = event day), with columns
        ``ar``, ``car`` and ``car_se`` (standard error of the CAR, MacKinlay 1997) and,
        optionally, ``ar_se`` and ``date``.
    title, subtitle
        Figure title and a second line (model, estimation window).
    alpha
        Significance level of the confidence band, ``(1 - alpha)`` two-sided.

    Returns
    -------
    matplotlib.figure.Figure
        The figure (not shown; save it with ``fig.savefig(path)``).

    Notes
    -----
    The x axis counts trading days; a thinned set of days (always day 0) is labelled
    with the day and its date, so labels do not overlap at the figure's default size,
    however wide the window.

    The band is :math:`\\pm z_{1-\\alpha/2}\\,\\hat\\sigma(CAR)` around zero: a CAR outside
    it is significant at level ``alpha`` under the normal approximation.
    """
    from ..stats.results import check_alpha

    alpha = check_alpha(alpha)
    import matplotlib

    if matplotlib.get_backend().lower() not in {"agg", "pdf", "svg", "ps", "cairo"}:
        try:
            matplotlib.use("Agg", force=False)
        except Exception:  # pragma: no cover - a backend already in use
            pass
    import matplotlib.pyplot as plt
    from scipy.special import ndtri

    days = np.asarray(frame.index, dtype=int)
    ar = frame["ar"].to_numpy(dtype=float) * 100
    car = frame["car"].to_numpy(dtype=float) * 100
    z = ndtri(1 - alpha / 2)
    band = z * frame["car_se"].to_numpy(dtype=float) * 100
    dates = (
        {int(d): pd.Timestamp(t) for d, t in zip(days, frame["date"], strict=True) if pd.notna(t)}
        if "date" in frame
        else {}
    )

    fig, ax = plt.subplots(figsize=(8, 4.8), layout="constrained")
    colors = ["#2a7f62" if v >= 0 else "#b03a2e" for v in ar]
    ax.bar(days, ar, width=0.6, color=colors, alpha=0.8, label="Abnormal return (AR), daily")
    if "ar_se" in frame:
        ar_band = z * frame["ar_se"].to_numpy(dtype=float) * 100
        ax.errorbar(
            days,
            ar,
            yerr=ar_band,
            fmt="none",
            ecolor="#555555",
            capsize=3,
            lw=1,
            label=f"AR {100 * (1 - alpha):.0f}% interval",
        )
    ax.plot(days, car, color="#1f4e79", marker="o", lw=2, label="Cumulative abnormal return (CAR)")
    ax.fill_between(
        days,
        -band,
        band,
        color="#1f4e79",
        alpha=0.12,
        label=f"{100 * (1 - alpha):.0f}% band for CAR under no effect",
    )
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="#777777", lw=0.8, ls="--")
    # Label a thinned set of event days (multiples of 1, 2, 5, 10, 20, 50, ... so day 0 is
    # always one) with their dates; every trading day keeps a minor tick while they stay readable.
    from matplotlib.ticker import MaxNLocator, MultipleLocator

    ax.set_xlim(days.min() - 0.6, days.max() + 0.6)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=_MAX_XTICK_BINS, integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(_day_date_formatter(dates))
    if len(days) <= 60:
        ax.xaxis.set_minor_locator(MultipleLocator(1))
    ax.set_xlabel("Trading day relative to the event (0 = event day)")
    ax.set_ylabel("Return beyond the model's expectation (%)")
    ax.set_title(title + (f"\n{subtitle}" if subtitle else ""), fontsize=11)
    ax.legend(loc="best", fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig
