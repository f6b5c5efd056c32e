"""Shared test fixtures.

Reference material outside the repository (``shared/validation``, ``shared/devset``) is
found through the ``EVENTSTUDY_SHARED`` environment variable, which ``.ci/run`` sets.
Without it, ``../shared`` beside the checkout is tried. When the folder is missing the
tests that need it fail under CI (``CI`` set) and skip, with the reason, elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path(sub: str) -> Path:
    """Path of ``sub`` inside the shared folder; fails in CI, skips elsewhere, if missing."""
    root = Path(os.environ.get("EVENTSTUDY_SHARED", REPO.parent / "shared"))
    path = root / sub
    if not path.exists():
        msg = f"{path} not found: set EVENTSTUDY_SHARED to the shared/ folder"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def validation_dir() -> Path:
    return shared_path("validation")


@pytest.fixture(scope="session")
def devset_path() -> Path:
    return shared_path("devset/articles.jsonl")


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path_factory, monkeypatch):
    """Every test gets its own empty price store and never touches the network."""
    monkeypatch.setenv("EVENTSTUDY_STORE", str(tmp_path_factory.mktemp("store") / "prices.sqlite"))
    monkeypatch.setenv("EVENTSTUDY_OFFLINE", "1")
