"""The layers import one way: indices/calendar -> read, prices, stats -> check -> faces, batch."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "eventstudy"

#: What each place may import from the package (besides exceptions, policies, itself).
ALLOWED = {
    "indices": set(),
    "calendar": set(),
    "read": {"indices", "calendar"},
    "prices": {"indices", "calendar"},
    "stats": {"indices", "calendar"},
    "check": {"indices", "calendar", "read", "prices"},
    "faces": {"indices", "calendar", "read", "prices", "stats", "check"},
    "batch": {"indices", "calendar", "read", "prices", "stats", "check"},
}
BASE = {"exceptions", "policies", "data", "__version__"}


def _place(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    place_depth = len(path.relative_to(PKG).parts) - 1  # 0 for top-level modules
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: climb to the package root
                up = node.level - place_depth
                if up == 1 and node.module:
                    out.add(node.module.split(".")[0])
                elif up == 1:
                    out.update(a.name for a in node.names)
            elif node.module and node.module.startswith("eventstudy."):
                out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("eventstudy."))
    return out


@pytest.mark.parametrize("path", sorted(p for p in PKG.rglob("*.py") if _place(p) in ALLOWED), ids=str)
def test_layers_import_one_way(path):
    place = _place(path)
    bad = _imports(path) - ALLOWED[place] - BASE - {place}
    assert not bad, f"{path.relative_to(PKG)} ({place}) imports {sorted(bad)}"
