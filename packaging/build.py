"""Build the one-folder frozen app: `python packaging/build.py` -> dist/deskbreak/deskbreak.

PyInstaller and deskbreak's runtime dependencies go into their own venv
(build/pyinstaller-venv), so the project's .venv never gets build tools mixed in. The venv
is reused while the requirements are unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "build" / "pyinstaller-venv"
PYINSTALLER = "pyinstaller>=6.10,<7"


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [PYINSTALLER, *project["dependencies"]]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    wanted = requirements()
    stamp = VENV / "deskbreak-requirements.sha256"
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == digest and venv_python().exists():
        return venv_python()
    print(f"build.py: setting up {VENV}", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    python = venv_python()
    subprocess.run([python, "-m", "pip", "install", "--quiet", *wanted], check=True)
    stamp.write_text(digest, encoding="utf-8")
    return python


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args(argv)
    python = ensure_venv()
    command = [
        str(python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={args.dist}",
        f"--workpath={ROOT / 'build' / 'pyinstaller-work'}",
        str(ROOT / "packaging" / "deskbreak.spec"),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    name = "deskbreak.exe" if os.name == "nt" else "deskbreak"
    print(f"built {args.dist / 'deskbreak' / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
