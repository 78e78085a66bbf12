"""The core must import nothing from the shell, Tk, pystray or Pillow."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import deskbreak.core

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'tkinter', '_tkinter', 'pystray', 'PIL', 'Xlib', 'jeepney',
                                  'tomlkit', 'schedule', 'platformdirs'} \\
           or name.startswith(('deskbreak.ui', 'deskbreak.shell', 'deskbreak.idle')):
            raise ImportError('core may not import ' + name)
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
"""


def test_core_modules_import_with_toolkits_blocked() -> None:
    names = [f"deskbreak.core.{m.name}" for m in pkgutil.iter_modules(deskbreak.core.__path__)]
    assert names, "the core package has modules"
    result = subprocess.run([sys.executable, "-c", BLOCKER, *names], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
