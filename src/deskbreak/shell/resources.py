"""Files shipped with deskbreak: found inside the installed wheel, or in the source tree."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[3]


def _find(*parts: str) -> Path:
    packaged = Path(str(resources.files("deskbreak").joinpath("resources", *parts)))
    if packaged.exists():
        return packaged
    return _SOURCE_ROOT.joinpath(*_source_parts(parts))


def _source_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    if parts == ("default.toml",):
        return ("config", "default.toml")
    return parts  # icons/... live at the top of the source tree


def default_config() -> Path:
    """The complete, commented default config."""
    return _find("default.toml")


def icons_dir() -> Path:
    return _find("icons")


def data_file(name: str) -> Path:
    """A data file inside the package (movement library, routines)."""
    return Path(str(resources.files("deskbreak").joinpath("data", name)))
