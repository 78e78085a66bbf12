"""The tray probes: a display or session bus that cannot be asked means no tray, and says why."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from deskbreak.ui import tray_backend
from deskbreak.ui.tray_backend import sni_watcher_present, xembed_tray_present


def test_a_display_that_cannot_be_opened_has_no_xembed_tray_and_logs_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger=tray_backend.__name__):
        assert xembed_tray_present(":4242") is False
    [record] = caplog.records
    assert record.levelno == logging.INFO
    assert "':4242'" in record.getMessage() and "no XEmbed tray" in record.getMessage()


def test_a_session_bus_that_cannot_be_reached_has_no_watcher_and_logs_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    environ = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}
    with caplog.at_level(logging.INFO, logger=tray_backend.__name__):
        assert sni_watcher_present(environ) is False
    [record] = caplog.records
    assert "no StatusNotifierWatcher" in record.getMessage()
