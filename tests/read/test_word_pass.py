"""The one-pass word search (ahocorasick_rs) gives the reader the same results as the
per-sentence substring tests it replaces."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from eventstudy.read import extract, read_article

_BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "reader_speed.py"


def _texts():
    import importlib.util

    spec = importlib.util.spec_from_file_location("reader_speed", _BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    rng = random.Random(5)
    out = [mod.make_article(rng) for _ in range(60)]
    data = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
    for name in ("heldout_articles.jsonl", "heldout3_articles.jsonl"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            out.append(json.loads(line)["passage"])
    out += ["Ω morning: the Dax fell 1% on Monday. ΣΑΣ stocks", "the FTSE 100 \ud800 rose 2% today"]
    return out


def test_automaton_is_available():
    assert extract._WORDS_AUTOMATON is not None


@pytest.mark.parametrize("published", ["2022-03-09", "2021-07-17"])
def test_one_pass_equals_per_sentence_tests(published, monkeypatch):
    texts = _texts()
    fast = [read_article(t, published=published).to_dict() for t in texts]
    monkeypatch.setattr(extract, "_WORDS_AUTOMATON", None)
    plain = [read_article(t, published=published).to_dict() for t in texts]
    assert fast == plain
