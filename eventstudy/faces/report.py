"""Text, JSON and table forms of a checked article (:class:`~eventstudy.faces.api.CheckReport`)."""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..calendar import EXCHANGE_PLACES
from ..indices import find

if TYPE_CHECKING:  # pragma: no cover
    from ..check import Verdict
    from ..read.model import Claim
    from .api import CheckReport, ClaimStudy

__all__ = ["report_dict", "report_text", "claims_frame", "rankings_frame", "describe_claim", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


def _s(x: Any) -> str | None:
    """A text field for JSON: ``None`` for a missing value (NaN, NaT, None or empty)."""
    if x is None or (not isinstance(x, str) and pd.isna(x)) or x == "":
        return None
    return str(x)


def _f(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _lv(x: float | None) -> str:
    return "n/a" if x is None or not math.isfinite(x) else f"{x:,.2f}"


def _pc(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None or not math.isfinite(x) else f"{x:+.{digits}f} %"


def hedged(c: Claim, number: str, text: str) -> str:
    """A number as printed, with its own hedge word in front ("more than 500 points")."""
    h = c.hedge_for(number)
    return f"{h} {text}" if h else text


def describe_claim(c: Claim) -> str:
    """One line: 'FTSE 250 (^FTMC) up 0.64 % to 21,755.73, intraday, 2022-02-15'."""
    parts = [f"{c.index} ({c.ticker})" if c.ticker else c.index]
    if c.direction:
        parts.append(c.direction)
    nums = []
    if c.pct is not None:
        nums.append(hedged(c, "pct", f"{c.pct_text or c.pct} %"))
    if c.points is not None:
        nums.append(hedged(c, "points", f"{c.points_text or c.points} points"))
    if nums:
        parts.append(", ".join(nums))
    if c.level is not None:
        level = hedged(c, "level", f"{float(c.level_text or c.level):,.2f}")
        parts.append(f"{'to' if nums or c.direction else 'at'} {level}")
    span = f", {c.sessions} sessions" if c.sessions else ""
    span += f", since {c.since.isoformat()}" if c.since else ""
    span += ", during the session" if c.snapshot else ""
    kind = c.kind + (f" ({c.period}{span})" if c.period else "")
    when = c.trading_date.isoformat() if c.trading_date else "session unknown"
    if c.alt_trading_date:
        when += f" or {c.alt_trading_date.isoformat()}"
    return " ".join(parts) + f", {kind}, {when}"


#: Claim fields in the JSON of ``check`` (``extract`` adds the printed number strings).
_CLAIM_KEYS = (
    "index",
    "ticker",
    "direction",
    "pct",
    "points",
    "level",
    "kind",
    "period",
    "sessions",
    "since",
    "snapshot",
    "hedge",
    "trading_date",
    "alt_trading_date",
    "text",
)

_AS = {"close": "a close", "intraday": "an intraday print", "weekly": "a weekly move", "other": "a move"}


def _verdict_line(v: Verdict) -> str:
    """'CONFIRMED as an intraday print on 2022-02-15' or 'CONTRADICTED (pct)'."""
    c = v.claim
    what = _AS.get(c.kind, "a move") + (f" ({c.period})" if c.period else "")
    if v.status in ("confirmed", "contradicted") and v.session:
        head = f"{v.status.upper()}: {'holds' if v.status == 'confirmed' else 'does not hold'} as {what} on {v.session}"
    else:
        head = v.status.upper()
    return head + (f" ({v.reason})" if v.reason and v.status != "confirmed" else "")


def _span_dict(s: ClaimStudy) -> dict[str, Any]:
    """The study over a move's own sessions (:meth:`ClaimStudy.to_dict`), without the
    day-by-day table: its first and last session and their number instead."""
    d = s.to_dict()
    days = d["ar"]
    return {
        "first": days[0]["date"],
        "last": days[-1]["date"],
        "sessions": len(days),
        **{k: d[k] for k in ("model", "benchmark", "estimation", "car", "car_se", "car_t", "car_p", "notes")},
    }


def _span_line(s: ClaimStudy) -> str:
    """'CAR -4.12 % over the 9 sessions 2022-02-25 .. 2022-03-08 (t = -1.35, p = 0.178; ...)'."""
    d = _span_dict(s)
    model = s.model + (f" vs {s.benchmark}" if s.benchmark else "") + " model"
    p = d["car_p"]
    judged = (
        "" if p is None else (": unusual for this index" if p <= 0.05 else ": not unusual for this index")
    )
    return (
        f"CAR {_pc(100 * d['car'] if d['car'] is not None else None)} over the {d['sessions']} sessions "
        f"{d['first']} .. {d['last']} (t = {_f2(d['car_t'])}, p = {_f3(p)}; {model} estimated on "
        f"{d['estimation']['n']} days to {d['estimation']['last']}){judged}"
    )


def _f2(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _f3(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _claim_dict(
    v: Verdict,
    study: ClaimStudy | None,
    study_error: str | None,
    span: ClaimStudy | None = None,
    span_error: str | None = None,
) -> dict[str, Any]:
    c = v.claim
    a = v.actual
    claim = c.to_dict()
    return {
        **{k: claim[k] for k in _CLAIM_KEYS},
        "verdict": v.status,
        "reason": v.reason,
        "explanation": v.explanation,
        "session": v.session.isoformat() if v.session else None,
        "actual": {
            k: _f(a.get(k))
            for k in ("prev_close", "open", "high", "low", "close", "close_pct", "close_points")
        },
        "check": {
            "claimed": {k: _f(x) for k, x in v.claimed.items()},
            "compared": {k: _f(x) for k, x in v.compared.items()},
            "difference": {k: _f(x) for k, x in v.difference.items()},
            "tolerance": {k: [_f(t[0]), _f(t[1])] for k, t in v.tolerance.items()},
            "checks": dict(v.checks),
        },
        "notes": list(c.notes) + list(v.notes),
        "study": study.to_dict() if study is not None else None,
        "study_error": study_error,
        "span_study": _span_dict(span) if span is not None else None,
        "span_study_error": span_error,
    }


def report_dict(report: CheckReport) -> dict[str, Any]:
    """The JSON document of ``eventstudy check --json`` (documented in the README)."""
    art = report.article
    claims = []
    for i, v in enumerate(report.verdicts):
        key = (v.claim.ticker, v.claim.trading_date)
        claims.append(
            _claim_dict(
                v,
                report.studies.get(key),  # type: ignore[arg-type]
                report.study_errors.get(key),  # type: ignore[arg-type]
                report.span_studies.get(i),
                report.span_errors.get(i),
            )
        )
    main = report.main_study
    ctx = None
    if report.context is not None:
        ctx = [
            {
                "ticker": str(t),
                "index": r["index"],
                "session": _s(r["session"]),
                "close": _f(r["close"]),
                "close_pct": _f(r["close_pct"]),
                "direction": _s(r["direction"]),
                "note": _s(r["note"]),
            }
            for t, r in report.context.iterrows()
        ]
    return json_safe(
        {
            "schema": SCHEMA_VERSION,
            "source": art.source,
            "published": art.published.isoformat() if art.published else None,
            "published_basis": art.date_basis,
            "event_date": art.event_date.isoformat() if art.event_date else None,
            "claims": claims,
            "study": main.to_dict() if main is not None else None,
            "market_context": ctx,
            "rankings": [r.to_dict() for r in report.rankings],
            "notes": list(art.notes),
        }
    )


def json_safe(x: Any) -> Any:
    """``x`` with every NaN or infinite float (and NaT) replaced by ``None``: strict JSON."""
    if isinstance(x, dict):
        return {k: json_safe(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [json_safe(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if x is pd.NaT:
        return None
    return x


def claims_frame(report: CheckReport) -> pd.DataFrame:
    """One row per claim: the claim, its verdict, the session's prices and the study's CAR."""
    rows = []
    for i, v in enumerate(report.verdicts):
        d = _claim_dict(
            v,
            report.studies.get((v.claim.ticker, v.claim.trading_date)),  # type: ignore[arg-type]
            None,
            report.span_studies.get(i),
        )
        st = d.pop("study")
        span = d.pop("span_study")
        d.pop("check")
        d.pop("study_error")
        d.pop("span_study_error")
        d["notes"] = "; ".join(d["notes"])
        d.update(d.pop("actual"))
        if st:
            d.update({k: st[k] for k in ("car", "car_t", "car_p")})
        if span:
            d.update({f"span_{k}": span[k] for k in ("car", "car_t", "car_p", "sessions")})
        rows.append(d)
    return pd.DataFrame(rows)


def rankings_frame(report: CheckReport) -> pd.DataFrame:
    """One row per ranking or record statement: what it says, its verdict, the numbers used
    (:data:`~eventstudy.check.rankings.RANKING_COLUMNS`)."""
    from ..check.rankings import RANKING_COLUMNS

    return pd.DataFrame([rv.row() for rv in report.rankings], columns=list(RANKING_COLUMNS))


def _study_text(s: ClaimStudy) -> list[str]:
    ix = find(s.ticker)
    name = ix.name if ix else s.ticker
    first, last, n = s.estimation_dates
    model = {
        "constant-mean": "constant-mean model",
        "market": f"market model against {s.benchmark}",
        "market-adjusted": f"market-adjusted model against {s.benchmark}",
    }.get(s.model, s.model)
    lines = [
        f"Event study: {name} ({s.ticker}), day 0 = {s.event_date}",
        f"  {model}, estimated on {n} daily returns {first} .. {last} "
        f"(days {s.estimation[0]} to {s.estimation[1]}); event window [{s.window[0]:+d}, {s.window[1]:+d}]",
        "",
        f"  {'day':>4}  {'date':<10}  {'return':>8}  {'expected':>8}  {'AR':>8}  {'t':>6}  {'p':>6}  {'CAR':>8}",
    ]
    for d, r in s.frame.iterrows():
        lines.append(
            f"  {int(d):>+4d}  {r['date']:%Y-%m-%d}  {100 * r['return']:>7.2f}%  {100 * r['expected']:>7.2f}%  "
            f"{100 * r['ar']:>7.2f}%  {r['ar_t']:>6.2f}  {r['ar_p']:>6.3f}  {100 * r['car']:>7.2f}%"
        )
    st = s.stats
    rank, of = s.event_day_rank()
    lines += [
        "",
        f"  CAR[{s.window[0]:+d},{s.window[1]:+d}] = {100 * st['car']:+.2f} %  (s.e. {100 * st['se']:.2f} %, "
        f"t = {st['t']:.2f}, p = {st['p']:.3f}; "
        + (
            "variance of the market-adjusted returns over the estimation window, nothing estimated)"
            if s.model == "market-adjusted"
            else "variance with the prediction-error term, MacKinlay 1997)"
        ),
        f"  Event-day |AR| ranks {rank} of {of} against the estimation window "
        f"(empirical p = {rank / of:.3f}): "
        + ("unusual" if rank / of <= 0.05 else "not unusual")
        + " for this index.",
    ]
    for i, note in enumerate(s.results.notes, 1):
        lines.append(f"  [{i}] {note}")
    return lines


def _context_line(report: CheckReport) -> str:
    """'5 of the 5 indices with prices that the article does not name closed up too: a market-wide move.'

    The direction compared is that of the first claim judged on the event date (the context's
    day: a claim settled on the session before, "last night on Wall Street", is not). The conclusion counts every other index with prices, the ones the article names too: when
    Europe fell and New York rose, a FTSE 100 fall is not "alone" if the DAX fell beside it.
    """
    ctx = report.context
    claimed = {v.claim.ticker for v in report.verdicts}
    dirs: dict[str, str] = {}
    # the claims judged on the context's day (the session the prices settled, else the claim's)
    day = report.article.event_date
    on_day = [v for v in report.verdicts if (v.session or v.claim.trading_date) == day]
    for v in on_day or report.event_day_verdicts or report.verdicts:
        if v.claim.direction in ("up", "down"):
            dirs.setdefault(v.claim.ticker, v.claim.direction)  # each index's first claim
    if ctx is None or not dirs:
        return ""
    main_ticker, main = next(iter(dirs.items()))
    priced = ctx[ctx["close_pct"].notna() & (ctx.index != main_ticker)]
    others = priced[~priced.index.isin(list(claimed))]
    named = priced[priced.index.isin(list(claimed))]
    if others.empty:
        return ""
    same = int((others["direction"] == main).sum())
    n = len(others)
    same_all, n_all = same + int((named["direction"] == main).sum()), n + len(named)
    name = ctx.loc[main_ticker, "index"] if main_ticker in ctx.index else main_ticker
    verdict = (
        "a market-wide move"
        if same_all >= 0.75 * n_all
        else f"mostly the {name} alone"
        if same_all <= 0.25 * n_all
        else "a mixed market"
    )
    line = f"  {same} of the {n} indices with prices that the article does not name closed {main} too"
    if len(named):
        line += f" ({same_all - same} of the {len(named)} other indices it names did)"
    return line + f": {verdict}."


def report_text(report: CheckReport) -> str:
    """The text report of ``eventstudy check``: dates, each claim with its verdict, context, study."""
    art = report.article
    basis = {
        "given": "given, not read from the text",
        "dateline": "from the dateline",
        "text": "from a date printed in the text",
    }.get(art.date_basis or "", art.date_basis or "")
    lines = [f"eventstudy check: {art.source or '(text)'}", ""]
    lines.append(f"Published   {art.published or 'unknown'}" + (f"  ({basis})" if basis else ""))
    if art.event_date:
        sessions = sorted({find(c.ticker).calendar for c in art.claims if c.ticker and find(c.ticker)})
        where = ", ".join(f"{EXCHANGE_PLACES.get(s, s)} session" for s in sessions)
        lines.append(f"Event date  {art.event_date}" + (f"  ({where})" if where else ""))
    for n in art.notes:
        lines.append(f"  note: {n}")
    if not report.verdicts:
        lines += ["", "No claimed index move was found in the article."]
    for i, v in enumerate(report.verdicts, 1):
        c = v.claim
        lines += ["", f"Claim {i} of {len(report.verdicts)}: {describe_claim(c)}"]
        lines.append(f'  text:    "{c.text.strip()}"')
        lines.append(f"  verdict: {_verdict_line(v)}")
        why = v.explanation.removeprefix(f"{v.status}: ")
        lines.append(
            textwrap.fill(
                why,
                width=100,
                initial_indent="  why:     ",
                subsequent_indent=" " * 11,
                break_on_hyphens=False,
            )
        )
        a = v.actual
        if _f(a.get("close")) is not None:
            lines.append(
                f"  close:   {_lv(a.get('close'))} ({_pc(a.get('close_pct'))}, "
                f"{_f(a.get('close_points')) or 0:+,.2f} points) on {v.session}, "
                f"previous close {_lv(a.get('prev_close'))}"
            )
        for note in (*c.notes, *v.notes):
            lines.append(f"  note:    {note}")
        span = report.span_studies.get(i - 1)
        if span is not None:
            lines.append(f"  span:    {_span_line(span)}")
        elif i - 1 in report.span_errors:
            lines.append(
                f"  span:    event study over the move's sessions not run: {report.span_errors[i - 1]}"
            )
    for i, rv in enumerate(report.rankings, 1):
        r = rv.ranking
        with_claim = f", with claim {r.claim + 1}" if r.claim is not None else ""
        lines += [
            "",
            f'Ranking {i} of {len(report.rankings)}: {r.index}, "{r.phrase}" ({rv.session or r.trading_date}{with_claim})',
        ]
        lines.append(
            f"  verdict: {rv.status.upper()}"
            + (f" ({rv.reason})" if rv.reason and rv.status != "confirmed" else "")
        )
        lines.append(
            textwrap.fill(
                rv.explanation,
                width=100,
                initial_indent="  why:     ",
                subsequent_indent=" " * 11,
                break_on_hyphens=False,
            )
        )
        for note in (*r.notes, *rv.notes):
            lines.append(f"  note:    {note}")
    if report.context is not None and len(report.context):
        day = art.event_date
        lines += ["", f"Market on {day} (close-to-close):"]
        for t, r in report.context.iterrows():
            if _f(r["close_pct"]) is None:
                lines.append(f"  {r['index']:<30} {t:<10}  {r['note'] or 'no data'}")
            else:
                lines.append(f"  {r['index']:<30} {t:<10}  {_lv(r['close']):>10}  {_pc(r['close_pct']):>9}")
        lines.append(_context_line(report))
    main = report.main_study
    for s in sorted(report.studies.values(), key=lambda s: s is not main):  # the main study first
        lines += ["", *_study_text(s)]
    for (tk, d), err in report.study_errors.items():
        # an error that names its own study says the day it ran on (the claim's day, or the
        # session the checker settled on): it is not put after another date
        own = err.startswith(f"event study of {tk} on ")
        lines += ["", err[0].upper() + err[1:] if own else f"Event study of {tk} on {d} not run: {err}"]
    return "\n".join(lines)
