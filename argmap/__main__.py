"""``python -m argmap``: the argmap command line (see :mod:`argmap._cli`)."""

from __future__ import annotations

import sys

from argmap._cli import main

if __name__ == "__main__":
    sys.exit(main())
