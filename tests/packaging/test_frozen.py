"""The PyInstaller one-folder build starts: --version, doctor, and its bundled config."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="package-test.sh is bash, Linux")
def test_frozen_build_starts(tmp_path: Path) -> None:
    """Builds into dist/ with PyInstaller from build/pyinstaller-venv (about 40 s the first time)."""
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "package-test.sh")],
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHON": sys.executable,
        },
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "package-test: passed" in result.stdout
    assert "FAIL" not in result.stdout
    assert (ROOT / "dist" / "deskbreak" / "_internal" / "deskbreak" / "data").is_dir()
