"""A synthetic regulatory history of any size, as valid TOML, deterministic by seed.

The shape follows the bundled data, scaled up: sources, bodies with former names, a deep
taxonomy of cooperative types, laws, mandate chains per (type, function) whose boundaries are
known to the year, the month or the day (some as intervals like ``1992/1993`` or flagged
``1978~``), delegated and joint mandates beside the chains, events with figures, and conflicts
that records point to. ``records`` counts every row of every table.

    python -m benchmarks.synthetic --records 10000 --seed 7 --output /tmp/h10k.toml
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
from pathlib import Path

__all__ = ["generate", "main", "write"]

FIRST_YEAR = 1900
LAST_YEAR = 2024
MAX_DEPTH = 8
FUNCTIONS = ("supervision", "promotion")
LAW_KINDS = ("law", "decree-law", "legislative-decree", "supreme-decree", "resolution")
BODY_KINDS = ("ministry", "superintendency", "state-institute", "federation", "registry")
EVENT_KINDS = ("law", "founding", "census", "reform", "figure", "programme")


def _s(text: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _ids(items: list[str]) -> str:
    return "[" + ", ".join(_s(i) for i in items) + "]"


class _Writer:
    """Draws the records and writes them as TOML lines."""

    def __init__(self, records: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lines: list[str] = []
        n = max(records, 60)
        self.total = n
        self.n_sources = max(3, n // 200)
        self.n_bodies = max(6, n // 50)
        self.n_types = max(8, n // 25)
        self.n_laws = max(6, n // 12)
        self.n_conflicts = max(2, n // 100)
        self.n_events = max(4, n // 10)
        fixed = (
            self.n_sources
            + self.n_bodies
            + self.n_types
            + self.n_laws
            + self.n_conflicts
            + self.n_events
        )
        self.n_mandates = n - fixed
        self.sources = [f"source-{i}" for i in range(self.n_sources)]
        self.bodies = [f"body-{i}" for i in range(self.n_bodies)]
        self.conflicts = [f"conflict-{i}" for i in range(self.n_conflicts)]
        self.types: list[str] = []
        self.law_years: list[int] = []
        self.laws: list[str] = []

    # --- small draws ------------------------------------------------------------------

    def citations(self) -> str:
        count = 1 if self.rng.random() < 0.8 else 2
        parts = [
            f"{{ source = {_s(self.rng.choice(self.sources))}, "
            f'locator = "§{self.rng.randint(1, 12)}.{self.rng.randint(1, 9)}, '
            f'p. {self.rng.randint(1, 400)}" }}'
            for _ in range(count)
        ]
        return "citations = [" + ", ".join(parts) + "]"

    def maybe_conflicts(self) -> list[str]:
        if self.rng.random() < 0.03:
            return [f"conflicts = {_ids([self.rng.choice(self.conflicts)])}"]
        return []

    def boundary(self, year: int) -> str:
        """A date in ``year`` known to the year, month or day, sometimes uncertain."""
        roll = self.rng.random()
        month = self.rng.randint(1, 12)
        day = self.rng.randint(1, 28)
        if roll < 0.35:
            return _s(f"{year:04d}")
        if roll < 0.6:
            return _s(f"{year:04d}-{month:02d}")
        if roll < 0.75:
            return f"{year:04d}-{month:02d}-{day:02d}"  # a TOML date
        if roll < 0.9:
            return _s(f"{year:04d}-{month:02d}-{day:02d}")
        if roll < 0.95:
            return _s(f"{year:04d}/{year + 1:04d}")
        return _s(f"{year:04d}{self.rng.choice('?~%')}")

    def any_date(self) -> str:
        year = self.rng.randint(FIRST_YEAR, LAST_YEAR)
        if self.rng.random() < 0.05:
            return _s(f"{year:04d}/..")
        return self.boundary(year)

    def law_before(self, year: int) -> str | None:
        """A law dated at least two years before ``year``, if there is one."""
        count = bisect.bisect_left(self.law_years, year - 1)
        if count == 0:
            return None
        return self.laws[self.rng.randrange(count)]

    # --- tables -----------------------------------------------------------------------

    def header(self, seed: int) -> None:
        self.lines += [
            f"# Synthetic coophistory data: {self.total} records, seed {seed}.",
            "schema_version = 1",
            f'dataset_version = "synthetic-{self.total}-{seed}"',
            "",
        ]

    def write_sources(self) -> None:
        for ident in self.sources:
            self.lines += [
                "[[sources]]",
                f"id = {_s(ident)}",
                f"title = {_s('Estudio sobre cooperativas, tomo ' + ident.split('-')[1])}",
                f"year = {self.rng.randint(1950, 2024)}",
                "",
            ]

    def write_laws(self) -> None:
        years = sorted(self.rng.randint(FIRST_YEAR - 10, LAST_YEAR) for _ in range(self.n_laws))
        for i, year in enumerate(years):
            ident = f"law-{i}"
            self.laws.append(ident)
            self.law_years.append(year)
            kind = self.rng.choice(LAW_KINDS)
            self.lines += [
                "[[laws]]",
                f"id = {_s(ident)}",
                f"kind = {_s(kind)}",
                f'number = "{i}-{year}"',
                f"title = {_s(f'Norma {i} sobre cooperativas')}",
                f"promulgated = {_s(str(year))}",
                *(
                    [f"in_force = {year + 1}-01-01"]
                    if self.rng.random() < 0.3 and year < LAST_YEAR
                    else []
                ),
                self.citations(),
                *self.maybe_conflicts(),
                "",
            ]

    def write_bodies(self) -> None:
        for i, ident in enumerate(self.bodies):
            founded = self.rng.randint(FIRST_YEAR - 20, 2000)
            lines = [
                "[[bodies]]",
                f"id = {_s(ident)}",
                f"name = {_s(f'Public body number {i}')}",
                f"name_es = {_s(f'Organismo público número {i}')}",
                f'acronyms = ["B{i}"]',
                f"kind = {_s(self.rng.choice(BODY_KINDS))}",
                f"founded = {_s(str(founded))}",
            ]
            law = self.law_before(founded + 2)
            if law is not None:
                lines.append(f"created_by = {_s(law)}")
            if self.rng.random() < 0.2:
                lines.append(
                    f"former_names = [{{ name = {_s(f'Former body {i}')}, "
                    f'acronym = "FB{i}", until = {self.boundary(founded + 10)} }}]'
                )
            self.lines += [*lines, self.citations(), *self.maybe_conflicts(), ""]

    def write_types(self) -> None:
        depth = {"cooperative": 0}
        self.types = ["cooperative"]
        self.lines += [
            "[[coop_types]]",
            'id = "cooperative"',
            'name = "cooperative"',
            'name_es = "cooperativa"',
            "abstract = true",
            self.citations(),
            "",
        ]
        for i in range(1, self.n_types):
            # prefer recent (deep) parents so the taxonomy grows deep, not only wide
            candidates = self.types[-12:] if self.rng.random() < 0.7 else self.types
            parent = self.rng.choice(
                [t for t in candidates if depth[t] < MAX_DEPTH] or ["cooperative"]
            )
            ident = f"type-{i}"
            depth[ident] = depth[parent] + 1
            self.types.append(ident)
            self.lines += [
                "[[coop_types]]",
                f"id = {_s(ident)}",
                f"name = {_s(f'kind {i}')}",
                f"name_es = {_s(f'clase {i} de crédito')}",
                f"parent = {_s(parent)}",
                f'aliases = ["K{i}"]',
                *(["abstract = true"] if depth[ident] == 1 and self.rng.random() < 0.5 else []),
                self.citations(),
                "",
            ]

    def mandate(
        self,
        body: str,
        function: str,
        type_id: str,
        start: tuple[int, str],
        end: str | None,
        *,
        number: int,
        extra: list[str],
    ) -> None:
        lines = ["[[mandates]]"]
        if number % 2 == 0:
            lines.append(f'id = "m-{number}"')
        lines += [
            f"body = {_s(body)}",
            f"function = {_s(function)}",
            f"coop_types = [{_s(type_id)}]",
            f"start = {start[1]}",
        ]
        if end is not None:
            lines.append(f"end = {end}")
        law = self.law_before(start[0])
        if law is not None:
            lines.append(f"basis = [{_s(law)}]")
        self.lines += [*lines, *extra, self.citations(), *self.maybe_conflicts(), ""]

    def write_mandates(self) -> None:
        keys = [(t, f) for t in self.types for f in FUNCTIONS]
        self.rng.shuffle(keys)
        budget = self.n_mandates
        number = 0
        per_key = max(1, -(-budget // len(keys)))
        for type_id, function in keys:
            if budget <= 0:
                break
            length = min(budget, self.rng.randint(max(1, per_key // 2), per_key * 3 // 2 + 1))
            year = self.rng.randint(FIRST_YEAR, FIRST_YEAR + 20)
            step = max(3, (LAST_YEAR - year) // max(1, length))
            holder = self.rng.choice(self.bodies)
            written = 0
            start = (year, self.boundary(year))
            while written < length and budget > 0:
                year += self.rng.randint(3, step + 2)
                open_end = year > LAST_YEAR or (written == length - 1 and self.rng.random() < 0.5)
                end = None if open_end else self.boundary(year)
                roll = self.rng.random()
                if roll < 0.08 and budget >= 2:  # a delegation beside the holder
                    agent = self.rng.choice([b for b in self.bodies[:50] if b != holder])
                    self.mandate(holder, function, type_id, start, end, number=number, extra=[])
                    self.mandate(
                        agent,
                        function,
                        type_id,
                        start,
                        end,
                        number=number + 1,
                        extra=[f"delegated_by = {_s(holder)}"],
                    )
                    number, budget, written = number + 2, budget - 2, written + 2
                elif roll < 0.12 and budget >= 2:  # two bodies jointly
                    other = self.rng.choice([b for b in self.bodies[:50] if b != holder])
                    for body in (holder, other):
                        self.mandate(
                            body,
                            function,
                            type_id,
                            start,
                            end,
                            number=number,
                            extra=["joint = true"],
                        )
                        number, budget, written = number + 1, budget - 1, written + 1
                else:
                    self.mandate(holder, function, type_id, start, end, number=number, extra=[])
                    number, budget, written = number + 1, budget - 1, written + 1
                if end is None:
                    break
                start = (year, end)  # the next mandate begins where this one ends
                holder = self.rng.choice(self.bodies)
        self.n_mandates -= budget  # keys ran out (tiny sizes): count what was written

    def write_events(self) -> None:
        for i in range(self.n_events):
            lines = [
                "[[events]]",
                f'id = "event-{i}"',
                f"date = {self.any_date()}",
                f"kind = {_s(self.rng.choice(EVENT_KINDS))}",
                f"title = {_s(f'Acontecimiento {i}')}",
                f"bodies = {_ids(self.rng.sample(self.bodies, 2))}",
                f"coop_types = {_ids(self.rng.sample(self.types, 2))}",
                f"laws = {_ids([self.rng.choice(self.laws)])}",
            ]
            if self.rng.random() < 0.2:
                lines.append(
                    f"figures = [{{ value = {self.rng.randint(10, 5000)}, unit = "
                    f'"cooperatives", label = "cooperatives counted", '
                    f"as_of = {_s(str(self.rng.randint(1950, 2024)))} }}]"
                )
            self.lines += [*lines, self.citations(), *self.maybe_conflicts(), ""]

    def write_conflicts(self) -> None:
        for ident in self.conflicts:
            first = self.rng.randint(1950, 2020)
            self.lines += [
                "[[conflicts]]",
                f"id = {_s(ident)}",
                f"title = {_s('When a mandate began, per ' + ident)}",
                "claims = [",
                f'  {{ value = "{first}", source = {_s(self.rng.choice(self.sources))}, '
                'locator = "p. 1" },',
                f'  {{ value = "{first + 1}", source = {_s(self.rng.choice(self.sources))}, '
                'locator = "p. 2" },',
                "]",
                f'preferred = "{first}"',
                'reason = "the earlier source quotes the decree"',
                "",
            ]


def generate(records: int, seed: int = 0) -> str:
    """The TOML text of a valid synthetic history with ``records`` rows (at least 60)."""
    writer = _Writer(records, seed)
    body: list[str] = []
    writer.lines = body
    writer.write_sources()
    writer.write_laws()
    writer.write_bodies()
    writer.write_types()
    writer.write_mandates()
    writer.write_events()
    writer.write_conflicts()
    writer.lines = []
    writer.header(seed)
    return "\n".join(writer.lines + body) + "\n"


def write(path: Path, records: int, seed: int = 0) -> Path:
    """Write a synthetic history to ``path`` and return the path."""
    path.write_text(generate(records, seed), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m benchmarks.synthetic --records N --seed S --output FILE``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    write(args.output, args.records, args.seed)


if __name__ == "__main__":
    main()
