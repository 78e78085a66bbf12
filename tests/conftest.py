"""Every test runs with its own config and data folders: none touches the real home."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("DESKBREAK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DESKBREAK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PYSTRAY_BACKEND", "dummy")
    return tmp_path
