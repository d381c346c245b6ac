"""Run the command line as ``python -m coophistory``."""

import sys

from coophistory.cli import main

sys.exit(main())
