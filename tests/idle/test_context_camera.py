"""The camera source: a real process holding a stand-in device open, seen through /proc."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.context_camera import ProcCamera

HOLDER = """
import sys, time
with open(sys.argv[1], "rb"):
    print("open", flush=True)
    time.sleep(60)
"""


def hold_open(path: Path) -> subprocess.Popen[str]:
    """Another process opens the device file and keeps it, as a call app keeps the camera."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


@pytest.fixture
def device(tmp_path: Path) -> Path:
    path = tmp_path / "video0"
    path.write_bytes(b"")
    return path


def test_a_process_holding_the_device_is_a_camera_in_use(tmp_path: Path, device: Path) -> None:
    camera = ProcCamera(pattern=str(tmp_path / "video*"))
    assert not camera.active()
    holder = hold_open(device)
    try:
        assert camera.holders() == [holder.pid]
        assert camera.active()
    finally:
        holder.kill()
        holder.wait(timeout=5)
    assert not camera.active()


def test_this_process_holding_it_does_not_count(tmp_path: Path, device: Path) -> None:
    camera = ProcCamera(pattern=str(tmp_path / "video*"))
    with device.open("rb"):
        assert not camera.active()


def test_no_device_means_no_scan(tmp_path: Path) -> None:
    def no_proc(path: str) -> list[str]:
        raise AssertionError("no device: /proc must not be read")

    camera = ProcCamera(pattern=str(tmp_path / "video*"), devices=lambda _p: [])
    camera._holds = no_proc  # type: ignore[method-assign,assignment]
    assert not camera.active()


def test_without_proc_it_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(IdleUnavailable):
        ProcCamera(proc=str(tmp_path / "no-proc"))


def test_a_scan_is_quick_enough_to_run_near_a_prompt(tmp_path: Path, device: Path) -> None:
    """Not a benchmark (bench/idle_cost.py has the figures): a guard against a scan that
    would read file contents instead of links."""
    camera = ProcCamera(pattern=str(tmp_path / "video*"))
    start = time.process_time()
    camera.active()
    assert time.process_time() - start < 1.0
