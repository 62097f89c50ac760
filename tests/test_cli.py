from __future__ import annotations

import subprocess
import sys

import taliban_recognition as tr


def test_summary_lists_every_named_state() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taliban_recognition"], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    ds = tr.load()
    assert lines[0] == f"taliban_recognition dataset {ds.version}, as of 2025-07-03"
    assert lines[1] == f"sha256 {ds.sha256}"
    rows = {line.split("  ")[0]: line.split()[-2:] for line in lines[5:]}
    assert rows["Russia (RU)"] == ["formal_recognition", "stated"]
    for name in ("China (CN)", "Pakistan (PK)", "Uzbekistan (UZ)", "United Arab Emirates (AE)"):
        assert rows[name] == ["de_facto_engagement", "stated"]
    assert rows["United States (US)"] == ["no_recognition", "inferred"]
    assert rows["188 other states"] == ["no_recognition", "inferred"]
    assert all(len(line) <= 80 for line in lines)
    assert result.stderr == ""
