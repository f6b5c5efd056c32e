"""The package root: public names import on first use, and stay the functions they name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_9f114ec4d93074be.txt"


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.parametrize(
    "first",
    ["import eventstudy.check.claims as c", "from eventstudy import check", "import eventstudy"],
    ids=["submodule-first", "from-import-first", "package-first"],
)
def test_check_is_the_subpackage_and_calls_the_function(first) -> None:
    # whichever import comes first: `import eventstudy.check.<module> as m` works (it failed with
    # "cannot import name 'claims' from 'check'" while eventstudy.check was the function), and
    # eventstudy.check(...) is still the README's function
    out = _run(
        f"{first}\n"
        "import inspect, sys, eventstudy\n"
        "import eventstudy.check.claims as c\n"
        "from eventstudy import check\n"
        "print(check is eventstudy.check is sys.modules['eventstudy.check'], eventstudy.check.claims is c)\n"
        "print(eventstudy.check.Verdict.__module__, 'offline' in inspect.signature(check).parameters)\n"
        f"report = check({str(SEED)!r}, offline=True)\n"
        f"print(type(report).__name__, report.verdicts[0].status, eventstudy.check({str(SEED)!r}, offline=True, "
        "study=False).verdicts[0].status)"
    )
    assert out.splitlines() == [
        "True True",
        "eventstudy.check.verdict True",
        "CheckReport confirmed confirmed",
    ]


def test_subpackage_still_importable_by_from_import() -> None:
    out = _run("import eventstudy\nfrom eventstudy.check import check_claim\nprint(check_claim.__module__)")
    assert out == "eventstudy.check.claims"


def test_reading_does_not_import_the_statistics_or_scipy() -> None:
    out = _run(
        "import sys, eventstudy\n"
        "eventstudy.read_article('The FTSE 100 rose 1% on Monday.', published='2022-03-02')\n"
        "print(sorted(m for m in ('scipy', 'scipy.stats', 'eventstudy.stats', 'eventstudy.check') if m in sys.modules))"
    )
    assert out == "[]"


def test_every_public_name_resolves() -> None:
    import eventstudy

    for name in eventstudy.__all__:
        assert getattr(eventstudy, name) is not None, name
    assert set(eventstudy.__all__) <= set(dir(eventstudy))


def test_unknown_name_is_an_attribute_error() -> None:
    import eventstudy

    try:
        eventstudy.no_such_thing  # noqa: B018
    except AttributeError as e:
        assert "no_such_thing" in str(e)
    else:  # pragma: no cover - the assertion above must fail loudly
        raise AssertionError("no AttributeError")


def test_the_extract_command_does_not_import_the_statistics():
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_9f114ec4d93074be.txt"
    out = _run(
        "import sys\nfrom eventstudy.faces.cli import main\n"
        f"main(['extract', {str(seed)!r}])\n"
        "print(sorted(m for m in ('scipy.stats', 'eventstudy.stats', 'eventstudy.check') if m in sys.modules))"
    )
    assert out.splitlines()[-1] == "[]"
