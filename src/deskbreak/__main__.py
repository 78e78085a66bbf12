"""`python -m deskbreak` does what the `deskbreak` command does."""

import sys

from deskbreak.cli import main

sys.exit(main())
