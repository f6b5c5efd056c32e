"""The package root: public names import on first use, and stay the functions they name."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_check_stays_the_function_after_the_check_subpackage_is_imported() -> None:
    # importing the subpackage first sets eventstudy.check to the module unless guarded
    out = _run(
        "import sys, eventstudy, eventstudy.check.claims\n"
        "print(callable(eventstudy.check), type(eventstudy.check).__name__, 'eventstudy.check' in sys.modules)"
    )
    assert out == "True function True"


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
