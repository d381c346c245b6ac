"""Hostile data files for the loader: a TOML writer, structured mutations, and the one check.

Shared by the hypothesis tests (tests/test_fuzz_loader.py), the seeded CI run and the atheris
harness (fuzz/fuzz_load.py). The contract checked on every input (issue 8, part 2): the only
exception that may escape ``coophistory.load`` is ``DataError``; no input hangs; a failed load
changes nothing (no file written, the bundled ``load()`` cache and a loaded history untouched).
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import random
import time
import tomllib
from pathlib import Path
from typing import Any, Final

import coophistory
from coophistory import DataError

TINY: Final = Path(__file__).resolve().parents[1] / "tests" / "data" / "tiny.toml"
SLOW_SECONDS: Final = 5.0  # one load of a small file taking longer than this counts as a hang

# --- writing any value back as TOML --------------------------------------------------------


def toml_key(key: str) -> str:
    """A TOML key: bare when it can be, else a quoted string."""
    if key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key):
        return key
    return toml_string(key)


def toml_string(text: str) -> str:
    """A TOML basic string with every control character and lone surrogate escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}" if code < 0xD800 else "\\ufffd")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:  # noqa: PLR0911 - one return per TOML type
    """Any JSON-like or TOML value as inline TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return toml_string(repr(value))


def to_toml(document: dict[str, Any]) -> str:
    """A whole document: scalars at the top, then arrays of tables as ``[[table]]`` blocks."""
    lines: list[str] = []
    tables: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in document.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables.append((key, value))
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, rows in tables:
        for row in rows:
            lines += ["", f"[[{toml_key(key)}]]"]
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in row.items()]
    return "\n".join(lines) + "\n"


# --- structured mutations of a valid document ------------------------------------------------


def seed_document() -> dict[str, Any]:
    """The tiny fixture world, parsed: every mutation starts from valid data."""
    return tomllib.loads(TINY.read_text(encoding="utf-8"))


ODD_TEXT: Final = (
    "",
    " ",
    "\u200b",
    "\ufeff",
    "e\u0301",
    "\u202etxt.exe",
    "😀",
    "\U0001d518\U0001d52b\U0001d526",  # mathematical fraktur letters
    "a\x00b",
    "\t\n",
    "../../etc/passwd",
    "=cmd|'/c calc'!A1",
    "<b>&amp;</b>",
    "1992-02-30",
    "../..",
    "0000",
    "9999?",
    "1978/1977",
    "99999",
    "-1978",
    "1978-13",
    "1978?~",
    "Savings-And-Credit",
    "savings--and-credit",
    "cooperative",
    "sbs",
    "law-15260",
)


def hostile_value(rng: random.Random, depth: int = 0) -> Any:  # noqa: PLR0911, PLR0912 - a menu
    """A value of any TOML type, often of the wrong one: huge, negative, odd, deep or long."""
    kind = rng.randrange(16)
    if kind == 0:
        return rng.choice([0, -1, 1, 10**18, -(10**18), 2**63 - 1, -(2**63), 1978, 10000])
    if kind == 1:
        return rng.choice([0.5, -0.0, 1e308, -1e308, float("inf"), float("-inf"), float("nan")])
    if kind == 2:
        return rng.choice([True, False])
    if kind == 3:
        return rng.choice(ODD_TEXT)
    if kind == 4:
        return rng.choice(["x", "é", "😀", "a-b"]) * rng.choice([1, 100, 10_000, 200_000])
    if kind == 5:
        return rng.choice(
            [
                datetime.date(1, 1, 1),
                datetime.date(9999, 12, 31),
                datetime.date(1992, 2, 29),
                datetime.datetime(1992, 1, 1, 12, 0),
                datetime.time(12, 0),
            ]
        )
    if kind == 6:
        nested: Any = rng.choice(["1992", 1, {}])
        for _ in range(rng.choice([2, 50, 150])):  # deeper: raw bytes, below
            nested = [nested] if rng.random() < 0.5 else {"k": nested}
        return nested
    if kind == 7 and depth < 3:
        return [hostile_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 8 and depth < 3:
        return {rng.choice(["id", "x", "", "é"]): hostile_value(rng, depth + 1)}
    if kind == 9:
        return []
    if kind == 10:
        return [{}]
    if kind == 11:
        return f"{rng.randrange(1, 10000):04d}" + rng.choice(["", "-02", "-02-29", "?", "/.."])
    return rng.choice(["nope", "ghost-id", "study", "incoop", "1992/1993", "2019-01-01"])


def _rows(document: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    tables = [v for v in document.values() if isinstance(v, list) and v]
    rows = [r for t in tables for r in t if isinstance(r, dict)]
    return rng.choice(rows) if rows else None


def mutate(document: dict[str, Any], rng: random.Random) -> None:  # noqa: PLR0912 - a menu
    """Apply one random structural change: wrong type, missing or extra key, dangling id, cycle."""
    choice = rng.randrange(11)
    row = _rows(document, rng)
    if choice == 0 and row:
        row.pop(rng.choice(list(row)), None)  # missing key
    elif choice == 1 and row:
        row[rng.choice(list(row))] = hostile_value(rng)  # wrong type or value
    elif choice == 2 and row:
        row[rng.choice(["nmae", "idd", "extra", "Body", "é", ""])] = hostile_value(rng)  # extra key
    elif choice == 3:
        document[rng.choice([*document, "mandate", "x"])] = hostile_value(rng)
    elif choice == 4 and row:
        row[rng.choice(["body", "parent", "delegated_by", "created_by", "source"])] = rng.choice(
            ["ghost", "sbs", "incoop", "coffee", "cooperative", "study"]
        )  # dangling or crossed references
    elif choice == 5:
        types = document.get("coop_types")
        tables = [t for t in types if isinstance(t, dict)] if isinstance(types, list) else []
        if len(tables) > 1:
            first, second = rng.sample(tables, 2)
            first["parent"], second["parent"] = second.get("id"), first.get("id")  # a cycle
    elif choice == 6 and row:
        table = rng.choice([v for v in document.values() if isinstance(v, list) and v] or [[]])
        table.append(dict(row))  # a duplicate record
    elif choice == 7:
        for key in rng.sample(list(document), k=min(len(document), rng.randrange(3))):
            del document[key]
    elif choice == 8 and row:
        for key in ("start", "end", "founded", "dissolved", "promulgated", "date", "until"):
            if key in row or rng.random() < 0.2:
                row[key] = rng.choice([*ODD_TEXT[13:22], "../1992", "1992/..", "1978-12-31"])
    elif choice == 9 and row:
        for key in ("citations", "claims", "former_names", "figures", "coop_types"):
            if key in row:
                row[key] = rng.choice([[], [hostile_value(rng)], [{}], hostile_value(rng)])
    elif row:
        row["joint"] = hostile_value(rng)
        row["function"] = rng.choice(["supervision", "promotion", "Supervision", "", 1])


def mutate_text(text: str, rng: random.Random) -> bytes:
    """Damage the bytes of a document: truncation (a half-written file), flips, bad UTF-8."""
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randrange(1, 4)):
        if not data:
            break
        at = rng.randrange(len(data))
        action = rng.randrange(6)
        if action == 0:
            del data[at:]
        elif action == 1:
            data[at] = rng.randrange(256)
        elif action == 2:
            data[at:at] = rng.choice([b"\xff", b"\xc3", b"\x00", b"[[", b"]]", b'"', b"\\u"])
        elif action == 3:
            del data[at : at + rng.randrange(1, 40)]
        elif action == 4:
            data[at:at] = data[at : at + rng.randrange(1, 80)]
        else:
            data[at:at] = b"[" * 1200 + b"]" * 1200
    return bytes(data)


def generate(rng: random.Random) -> tuple[str, bytes]:
    """One hostile file: its suffix (``.toml`` or ``.json``) and its bytes."""
    document = seed_document()
    for _ in range(rng.randrange(1, 6)):
        mutate(document, rng)
    if rng.random() < 0.2:
        text = json.dumps(document, default=str, ensure_ascii=rng.random() < 0.5)
        suffix = ".json"
    else:
        text = to_toml(document)
        suffix = ".toml"
    if rng.random() < 0.35:
        return suffix, mutate_text(text, rng)
    return suffix, text.encode("utf-8", "surrogatepass")


# --- the contract ----------------------------------------------------------------------------


class ContractBroken(AssertionError):
    """An input broke the loader's contract; the message says how."""


def _listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p), p.stat().st_size) for p in folder.rglob("*") if p.is_file())


_QUESTION: Final = ("savings-and-credit", "1995-06-01")


@functools.cache
def _pristine() -> coophistory.History:
    """A history of the tiny world loaded before any hostile input, kept for comparison."""
    return coophistory.load(TINY)


def check_load(folder: Path, suffix: str, data: bytes, reference: coophistory.History) -> str:
    """Load one input and check the contract; return ``"loaded"`` or ``"refused"``.

    ``folder`` must hold nothing but the input (it is compared before and after). ``reference``
    is a history loaded earlier that must stay equal to a fresh load of the tiny world.
    """
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    before = _listing(folder)
    bundled = coophistory.load()
    started = time.monotonic()
    outcome = "loaded"
    try:
        coophistory.load(path)
    except DataError as err:
        outcome = "refused"
        if not err.problems or not str(err):
            raise ContractBroken("a DataError without problems") from err
    except Exception as err:
        raise ContractBroken(f"{type(err).__name__} escaped load(): {err!s:.300}") from err
    elapsed = time.monotonic() - started
    if elapsed > SLOW_SECONDS:
        raise ContractBroken(f"load took {elapsed:.1f}s")
    if _listing(folder) != before:
        raise ContractBroken("load wrote or changed files next to its input")
    if coophistory.load() is not bundled:
        raise ContractBroken("the bundled load() cache changed")
    if reference != _pristine() or reference.supervisor(*_QUESTION).bodies[0].id != "fenacrep":
        raise ContractBroken("a previously loaded history changed")
    return outcome


def seed_history() -> coophistory.History:
    """Load the tiny world twice: a pristine copy and the reference hostile loads must not touch."""
    _pristine()
    return coophistory.load(TINY)


def run(count: int, seed: int, folder: Path) -> dict[str, int]:
    """Check ``count`` generated inputs from ``seed``; return how many loaded and were refused."""
    reference = seed_history()
    tally = {"loaded": 0, "refused": 0}
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")  # noqa: S311 - reproducible, not crypto
        suffix, data = generate(rng)
        try:
            tally[check_load(folder, suffix, data, reference)] += 1
        except ContractBroken as err:
            raise ContractBroken(f"seed {seed}, input {index}: {err}") from err
        finally:
            for leftover in folder.iterdir():
                leftover.unlink()
    return tally
