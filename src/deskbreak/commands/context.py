"""What most subcommands start from: the paths and the settings in force.

Its imports wait for :func:`load`, so that registering the commands (and `--help`,
`--version`) does not pay for platformdirs, tomlkit and the settings schema.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from deskbreak.shell import configfile, paths


@dataclass(frozen=True)
class Context:
    paths: paths.AppPaths
    config: configfile.LoadedConfig


def load(args: argparse.Namespace, *, report: bool = True) -> Context:
    """Resolve paths and read the config; config problems go to stderr, never stop us."""
    from deskbreak.shell import configfile, paths

    app_paths = paths.resolve(getattr(args, "config_dir", None), getattr(args, "data_dir", None))
    config = configfile.load(app_paths.config_file)
    if report:
        for message in config.messages(app_paths.config_file):
            print(f"deskbreak: {message}", file=sys.stderr)
    return Context(app_paths, config)
