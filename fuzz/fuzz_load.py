"""Fuzz ``coophistory.load`` with atheris (coverage-guided), or a seeded pure-Python run.

The long runs reported in docs/reliability.md::

    python fuzz/fuzz_load.py -atheris_runs=20000            # coverage-guided, needs atheris
    python fuzz/fuzz_load.py --seeded 100000 --seed 8       # pure Python, same contract

Each atheris input is either raw bytes read as a TOML or JSON file, or seeds a structured
mutation of the tiny world (fuzz/loader_cases.py). A run stops at the first input breaking the
contract, and prints ``inputs tried: N``.
"""

from __future__ import annotations

import argparse
import atexit
import random
import sys
import tempfile
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FOLDER = Path(tempfile.mkdtemp(prefix="coophistory-fuzz-"))
TALLY = {"loaded": 0, "refused": 0}


def _report() -> None:
    tried = sum(TALLY.values())
    print(f"inputs tried: {tried} ({TALLY['loaded']} loaded, {TALLY['refused']} refused)")  # noqa: T201


def _harness(cases: ModuleType) -> object:
    reference = cases.seed_history()

    def one_input(data: bytes) -> None:
        """Check one input: a mode byte, then raw file bytes or a mutation seed."""
        mode, body = (data[0] % 4, data[1:]) if data else (0, b"")
        if mode in (0, 1):
            suffix, content = (".toml" if mode == 0 else ".json"), body
        else:
            suffix, content = cases.generate(random.Random(body))  # noqa: S311 - not crypto
        try:
            TALLY[cases.check_load(FOLDER, suffix, content, reference)] += 1
        finally:
            for leftover in FOLDER.iterdir():
                leftover.unlink()

    return one_input


def main(argv: list[str]) -> int:
    """Run atheris (instrumenting coophistory and the parsers), or the seeded run."""
    parser = argparse.ArgumentParser(description=__doc__, add_help=False)
    parser.add_argument("--seeded", type=int, default=None, metavar="COUNT")
    parser.add_argument("--seed", type=int, default=8)
    known, rest = parser.parse_known_args(argv[1:])
    if known.seeded is not None:
        from fuzz import loader_cases  # noqa: PLC0415 - imported after sys.path is set

        TALLY.update(loader_cases.run(known.seeded, known.seed, FOLDER))
        _report()
        return 0
    import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

    with atheris.instrument_imports(include=["coophistory", "tomllib", "json", "fuzz"]):
        from fuzz import loader_cases  # noqa: PLC0415 - imported under instrumentation

    atexit.register(_report)
    atheris.Setup([argv[0], *rest], _harness(loader_cases))
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
