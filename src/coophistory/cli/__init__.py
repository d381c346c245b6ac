"""The ``coophistory`` command: a thin face over the library, one History call per subcommand.

Only what ``who`` needs is imported at the top; exports, diagrams and the graph load inside the
commands that use them, so the common question stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from coophistory import prose_output
from coophistory.cli.output import print_line
from coophistory.cli.parser import PROG, parser
from coophistory.errors import CoopHistoryError, DataError

__all__ = ["PROG", "main", "parser"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: the process's arguments); return its status."""
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CoopHistoryError as err:
        for line in _error_lines(err):
            print_line(sys.stderr, line)
    except BrokenPipeError:
        sys.stderr.close()  # the reader stopped early (``| head``): nothing more to say
    except KeyboardInterrupt:
        # a file being written was left whole, and a ``dot`` being run was ended with us
        print_line(sys.stderr, f"{PROG}: {prose_output.interrupted()}")
        return 130
    return 1


def _error_lines(err: CoopHistoryError) -> list[str]:
    """What the command line says about an error: each data problem on a line of its own."""
    if isinstance(err, DataError):
        return [f"{PROG}: {problem}" for problem in err.problems]
    return [f"{PROG}: error: {err}"]
