"""Files shipped with deskbreak: found inside the installed wheel, or in the source tree."""

from __future__ import annotations

from pathlib import Path

#: The installed package (a wheel, or a frozen build's folder): deskbreak is never run from a
#: zip, so a path beside this file is enough (importlib.resources would load zipfile, ~0.3 MB
#: of an idle app, to find the same folder).
_PACKAGE = Path(__file__).resolve().parents[1]
_SOURCE_ROOT = _PACKAGE.parents[1]


def _find(*parts: str) -> Path:
    packaged = _PACKAGE.joinpath("resources", *parts)
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
    return _PACKAGE.joinpath("data", name)
