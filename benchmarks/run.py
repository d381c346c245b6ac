"""coophistory's benchmark suite: every figure a ratio against a baseline timed in the same run.

    python -m benchmarks.run            # full: 1k, 10k and 100k records (a few minutes)
    python -m benchmarks.run --quick    # smoke: small sizes, for CI (seconds)

Prints each measurement and the goals of issue 7 with their ratios, and writes a JSON report
(``--json``, default ``.benchmarks/report.json``). A missed goal is reported, not an error: the
exit status is non-zero only when something is broken (an exception, invalid synthetic data).
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import gc
import importlib.util
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import coophistory
from benchmarks import explorer, synthetic

ROOT = Path(__file__).resolve().parents[1]
FULL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (300, 3_000)
SEED = 7
WHO = ("savings-and-credit", "1995-06-01")
GOALS = {
    "first_answer": 1.3,
    "query_vs_bisect": 15.0,
    "query_growth": 1.5,
    "load_growth": 11.0,
    "load_vs_tomllib": 3.0,
    "bytes_per_record": 2048.0,
    "who_held_s": 1.0,
}


def best(fn: Callable[[], object], *, repeat: int, number: int = 1) -> float:
    """The fastest of ``repeat`` runs of ``number`` calls, in seconds per call."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def per_item(fn: Callable[[Any], object], items: list[Any], *, repeat: int) -> float:
    """The fastest of ``repeat`` passes of ``fn`` over ``items``, in seconds per item.

    As ``timeit`` does, the cyclic GC is paused while timing (after a full collection): one
    collection over a 100k-record heap would otherwise land in whichever loop it happens to.
    """
    times = []
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            for item in items:
                fn(item)
            times.append((time.perf_counter() - start) / len(items))
    finally:
        if enabled:
            gc.enable()
    return min(times)


# --- fresh processes: import and time to first answer ------------------------------------


def fresh(code: list[str], env: dict[str, str], *, repeat: int) -> dict[str, float]:
    """The fastest wall time of each command as a new process, runs interleaved."""
    times: dict[str, list[float]] = {}
    for _ in range(repeat):
        for label, argv in _commands(code):
            start = time.perf_counter()
            subprocess.run(argv, check=True, env=env, capture_output=True, cwd=ROOT)
            times.setdefault(label, []).append(time.perf_counter() - start)
    return {label: min(values) for label, values in times.items()}


def _commands(code: list[str]) -> list[tuple[str, list[str]]]:
    return [(c, _argv(c)) for c in code]


def _argv(command: str) -> list[str]:
    return [sys.executable, *command.split("\0")]


HEAVY: Final = ("networkx", "graphviz", "rdflib")
# The first answer as the CLI gives it, with the bundled data's compact form ignored: the
# "just parse the TOML" alternative, measured in the same run.
_TOML_ONLY = (
    "import coophistory.bundle as b; b.document_for = lambda *_: None; "
    "from coophistory.cli import main; main({argv!r})"
)
_MODULES_PROBE = (
    "import sys; from coophistory.cli import main; main({argv!r}); "
    "print(' '.join(sorted(sys.modules)))"
)


def bench_processes(repeat: int) -> dict[str, Any]:
    """Interpreter, required dependencies, ``import coophistory`` and the first answer.

    Every process gets a fresh, empty home and cache folder; after all the runs they must
    still be empty (coophistory caches nothing).
    """
    home = Path(tempfile.mkdtemp(prefix="coophistory-bench-home-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COOPHISTORY_", "XDG_"))}
    env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    # Measure what an installed user meets: pip byte-compiles on install, so let the warm-up
    # run write the package's bytecode even where the environment disables it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare, deps, imp = "-c\0pass", "-c\0import attrs, pendulum", "-c\0import coophistory"
    who = "\0".join(["-m", "coophistory", "who", *WHO])
    toml_only = "-c\0" + _TOML_ONLY.format(argv=["who", *WHO])
    try:
        for warm_up in (who, toml_only):
            subprocess.run(_argv(warm_up), check=True, env=env, cwd=ROOT, capture_output=True)
        times = fresh([bare, deps, imp, who, toml_only], env, repeat=repeat)
        probe = _argv("-c\0" + _MODULES_PROBE.format(argv=["who", *WHO]))
        modules = subprocess.run(
            probe, check=True, env=env, cwd=ROOT, capture_output=True, text=True
        ).stdout.split()
        written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {
        "python_bare_s": times[bare],
        "import_attrs_pendulum_s": times[deps],
        "import_coophistory_s": times[imp],
        "first_answer_s": times[who],
        "first_answer_toml_only_s": times[toml_only],
        "heavy_modules_on_who_path": [m for m in modules if m.split(".")[0] in HEAVY],
        "files_written_in_home": written,
        "ratio_first_answer_vs_deps": times[who] / times[deps],
        "ratio_first_answer_toml_only_vs_deps": times[toml_only] / times[deps],
        "ratio_import_vs_deps": times[imp] / times[deps],
        "ratio_deps_vs_bare": times[deps] / times[bare],
    }


# --- one size: load, queries, peers, derived views ---------------------------------------


def days_and_types(history: coophistory.History, count: int, rng: random.Random) -> list[Any]:
    """Random (type id, ISO day, ordinal) questions over the concrete types."""
    types = [t.id for t in history.concrete_types()]
    questions = []
    for _ in range(count):
        ordinal = rng.randint(693_596, 739_251)  # 1900-01-01 .. 2024-12-31
        day = datetime.date.fromordinal(ordinal).isoformat()
        questions.append((rng.choice(types), day, ordinal))
    return questions


def bench_load(path: Path, records: int, repeat: int) -> dict[str, Any]:
    """Load and validate against tomllib parsing the same bytes (both read the file)."""

    def parse() -> object:
        return tomllib.loads(path.read_bytes().decode("utf-8"))

    tomllib_s = best(parse, repeat=repeat)
    load_s = best(lambda: coophistory.load(path), repeat=repeat)
    return {
        "records": records,
        "file_bytes": path.stat().st_size,
        "tomllib_s": tomllib_s,
        "load_s": load_s,
        "ratio_load_vs_tomllib": load_s / tomllib_s,
    }


def bench_queries(
    history: coophistory.History, records: int, questions: list[Any], repeat: int
) -> dict[str, Any]:
    """One as-of query (name resolution and the Answer included) against a bare bisect."""
    rng = random.Random(SEED)
    sorted_list = sorted(rng.randrange(739_251) for _ in range(records))
    probes = [q[2] for q in questions]
    bisect_right = bisect.bisect_right
    supervisor = history.supervisor
    for type_id, day, _ in questions:  # first use builds each type's timeline
        supervisor(type_id, day)
    bisect_s = per_item(lambda p: bisect_right(sorted_list, p), probes, repeat=repeat)
    query_s = per_item(lambda q: supervisor(q[0], q[1]), questions, repeat=repeat)
    fresh_history = coophistory.History(history.records)
    start = time.perf_counter()
    first = fresh_history.supervisor(questions[0][0], questions[0][1])
    first_query_s = time.perf_counter() - start
    assert first == supervisor(questions[0][0], questions[0][1])
    year_s = per_item(
        lambda q: supervisor(q[0], q[1][:4]), questions[: max(50, len(questions) // 10)], repeat=3
    )
    return {
        "bisect_s": bisect_s,
        "query_s": query_s,
        "ratio_query_vs_bisect": query_s / bisect_s,
        "first_query_fresh_history_s": first_query_s,
        "year_query_s": year_s,
    }


def bench_views(history: coophistory.History, repeat: int) -> dict[str, Any]:
    """supervision_on every type, handovers and lineage, each on a fresh index."""
    types = [t.id for t in history.concrete_types()]

    def everything_once() -> tuple[float, float, float]:
        fresh_history = coophistory.History(history.records)
        start = time.perf_counter()
        fresh_history.supervision_on("1995-06-01")
        cold_all = time.perf_counter() - start
        start = time.perf_counter()
        fresh_history.handovers()
        handovers = time.perf_counter() - start
        start = time.perf_counter()
        for type_id in types:
            fresh_history.lineage(type_id, function="promotion")
        lineage = time.perf_counter() - start
        return cold_all, handovers, lineage

    runs = [everything_once() for _ in range(repeat)]
    warm = best(lambda: history.supervision_on("1995-06-01"), repeat=repeat)
    return {
        "types": len(types),
        "supervision_on_cold_s": min(r[0] for r in runs),
        "supervision_on_warm_s": warm,
        "handovers_s": min(r[1] for r in runs),
        "lineage_all_types_s": min(r[2] for r in runs),
    }


def bench_peers(history: coophistory.History, questions: list[Any], repeat: int) -> dict[str, Any]:
    """The same question on the same intervals, ours against intervaltree and linear scans.

    The question: which mandates of a (type, function) may be in force on a day. Ours is the
    per-(type, function) timeline behind every query.
    """
    from intervaltree import IntervalTree  # noqa: PLC0415 - a peer, only here

    spans: dict[tuple[str, str], list[tuple[int, int, Any]]] = {}
    for mandate in history.mandates():
        period = mandate.period
        low = period.possible_start.toordinal()
        end = period.possible_end
        high = 3_652_060 if end is None else end.toordinal()
        for type_id in mandate.coop_types:
            spans.setdefault((type_id, mandate.function), []).append((low, high, mandate))
    every = [(key, low, high, m) for key, items in spans.items() for low, high, m in items]
    trees = {key: IntervalTree.from_tuples(items) for key, items in spans.items()}
    one_tree = IntervalTree.from_tuples((low, high, (key, m)) for key, low, high, m in every)
    keyed = [((q[0], "supervision"), q[2]) for q in questions if (q[0], "supervision") in spans]
    few = keyed[:50]

    def ours(q: Any) -> object:
        return history._index._timeline(*q[0]).at(q[1])

    def tree_per_key(q: Any) -> object:
        return trees[q[0]].at(q[1])

    def scan_per_key(q: Any) -> object:
        return [m for low, high, m in spans[q[0]] if low <= q[1] < high]

    def tree_all(q: Any) -> object:
        return [i.data[1] for i in one_tree.at(q[1]) if i.data[0] == q[0]]

    def scan_all(q: Any) -> object:
        return [m for key, low, high, m in every if key == q[0] and low <= q[1] < high]

    for q in few:  # all five find the same mandates
        expected = {id(m) for m in scan_all(q)}
        certain, possible = ours(q)
        assert {id(m) for m in (*certain, *possible)} == expected
        assert {id(i.data) for i in tree_per_key(q)} == expected
    supervisor = history.supervisor
    questions_super = [q for q in questions if (q[0], "supervision") in spans]
    return {
        "intervals": len(every),
        "ours_index_s": per_item(ours, keyed, repeat=repeat),
        "ours_full_query_s": per_item(
            lambda q: supervisor(q[0], q[1]), questions_super, repeat=repeat
        ),
        "intervaltree_per_key_s": per_item(tree_per_key, keyed, repeat=repeat),
        "linear_scan_per_key_s": per_item(scan_per_key, keyed, repeat=repeat),
        "intervaltree_one_tree_s": per_item(tree_all, few, repeat=2),
        "linear_scan_all_s": per_item(scan_all, few, repeat=2),
    }


def bench_memory(path: Path, records: int) -> dict[str, Any]:
    """Memory held by a loaded history (records and indexes), traced by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        history = coophistory.load(path)
        gc.collect()
        after_load = tracemalloc.get_traced_memory()[0]
        history.supervision_on("1995-06-01")
        history.supervision_on("1995-06-01", function="promotion")
        gc.collect()
        after_queries = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return {
        "records": records,
        "bytes_after_load": after_load,
        "bytes_per_record": after_load / records,
        "bytes_per_record_after_every_type_queried": after_queries / records,
    }


def bench_bundled_data(repeat: int) -> dict[str, Any]:
    """The bundled data, parsed and validated: from the TOML, or from its compact form."""
    from coophistory import bundle  # noqa: PLC0415
    from coophistory.loading import BUNDLED, read_bundled, read_records  # noqa: PLC0415

    toml_bytes = BUNDLED.read_bytes()
    compact_bytes = bundle.compact_path(BUNDLED).read_bytes()
    return {
        "toml_bytes": len(toml_bytes),
        "compact_bytes": len(compact_bytes),
        "tomllib_s": best(lambda: tomllib.loads(toml_bytes.decode()), repeat=repeat * 4),
        "json_loads_s": best(lambda: json.loads(compact_bytes), repeat=repeat * 4),
        "read_toml_s": best(lambda: read_records([BUNDLED]), repeat=repeat * 4),
        "read_compact_s": best(lambda: read_bundled(BUNDLED), repeat=repeat * 4),
    }


def bench_graph(history: coophistory.History, repeat: int) -> dict[str, Any]:
    """Building the networkx graph and an as-of view."""
    build = best(lambda: coophistory.History(history.records).graph, repeat=repeat)
    _ = history.graph
    at = best(lambda: history.graph_at("1995-06-01"), repeat=repeat, number=10)
    return {"build_s": build, "graph_at_s": at}


def bench_who_held(repeat: int) -> dict[str, Any]:
    """frames.who_held on every day from 1964 to today, every type and function (issue 16)."""
    if importlib.util.find_spec("pandas") is None:
        return {"available": False, "reason": "pandas is not installed (the pandas extra)"}
    from coophistory import frames  # noqa: PLC0415 - pandas only when installed

    today = datetime.date.today()
    rows = 0

    def every_day() -> None:
        nonlocal rows
        history = coophistory.History(coophistory.load().records)  # no lineage cached yet
        rows = len(frames.who_held(history, "1964-01-01", today, freq="D"))

    return {"available": True, "seconds": best(every_day, repeat=repeat), "rows": rows}


def bench_render(history: coophistory.History, repeat: int) -> dict[str, Any]:
    """The handover diagram: DOT text in Python, then ``dot`` on it, timed apart."""
    from coophistory import render  # noqa: PLC0415 - graphviz only for this benchmark

    def make_source(history: coophistory.History) -> str:
        return str(render.handovers(history).source)

    python_s = best(lambda: make_source(history), repeat=repeat)
    result: dict[str, Any] = {"python_side_s": python_s}
    dot = shutil.which("dot")
    if dot is None:
        result["dot_side"] = "not available: Graphviz's dot is not installed"
        return result
    source = str(make_source(history)).encode()

    def run_dot() -> object:
        return subprocess.run([dot, "-Tsvg"], input=source, check=True, capture_output=True)

    result["dot_side_s"] = best(run_dot, repeat=repeat)
    return result


# --- the run ------------------------------------------------------------------------------


def run(sizes: tuple[int, ...], *, quick: bool, folder: Path) -> dict[str, Any]:
    """Every benchmark; the report as plain data."""
    repeat = 3 if quick else 5
    count = 300 if quick else 2000
    report: dict[str, Any] = {
        "mode": "quick" if quick else "full",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "seed": SEED,
        "sizes": {},
    }
    log(f"fresh processes ({repeat * 2 + 1} runs each)")
    report["processes"] = bench_processes(repeat * 2 + 1)
    bundled = coophistory.load()
    report["bundled"] = {
        "data": bench_bundled_data(repeat),
        "graph": bench_graph(bundled, repeat),
        "render": bench_render(bundled, repeat),
        "who_held": bench_who_held(repeat),
    }
    for records in sizes:
        log(f"{records} records: generate")
        path = synthetic.write(folder / f"synthetic-{records}.toml", records, SEED)
        load_repeat = 2 if records >= 100_000 else repeat
        log(f"{records} records: load")
        result = {"load": bench_load(path, records, load_repeat)}
        history = coophistory.load(path)
        questions = days_and_types(history, count, random.Random(SEED + records))
        log(f"{records} records: queries")
        result["query"] = bench_queries(history, records, questions, repeat)
        result["views"] = bench_views(history, 1 if records >= 100_000 else 2)
        log(f"{records} records: peers")
        result["peers"] = bench_peers(history, questions, repeat)
        report["sizes"][str(records)] = result
    largest = max(sizes)
    log(f"{largest} records: memory (tracemalloc)")
    report["memory"] = bench_memory(folder / f"synthetic-{largest}.toml", largest)
    log("explorer page in headless Chromium")
    report["explorer"] = explorer.bench(folder, large=min(sizes[-1], explorer.LARGE))
    report["goals"] = goals(report, sizes)
    return report


def goals(report: dict[str, Any], sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """Each goal of issue 7: the measured ratio, its limit, and whether it is met."""
    found: list[dict[str, Any]] = []

    def goal(name: str, measured: float, limit: float, note: str = "") -> None:
        found.append(
            {"goal": name, "measured": measured, "limit": limit, "met": measured <= limit}
            | ({"note": note} if note else {})
        )

    processes = report["processes"]
    goal(
        "first answer (empty home and cache folder) / python -c 'import attrs, pendulum'",
        processes["ratio_first_answer_vs_deps"],
        GOALS["first_answer"],
    )
    goal(
        "modules of networkx, graphviz or rdflib imported on the first answer's path",
        len(processes["heavy_modules_on_who_path"]),
        0,
    )
    goal(
        "files written in the home or cache folder by every run",
        len(processes["files_written_in_home"]),
        0,
    )
    by_size = report["sizes"]
    for records in sizes:
        goal(
            f"as-of query / bisect, {records} records",
            by_size[str(records)]["query"]["ratio_query_vs_bisect"],
            GOALS["query_vs_bisect"],
        )
        goal(
            f"load and validate / tomllib, {records} records",
            by_size[str(records)]["load"]["ratio_load_vs_tomllib"],
            GOALS["load_vs_tomllib"],
        )
        peers = by_size[str(records)]["peers"]
        for peer in ("intervaltree_per_key_s", "linear_scan_per_key_s"):
            goal(
                f"as-of index / {peer.removesuffix('_s').replace('_', ' ')}, {records} records",
                peers["ours_index_s"] / peers[peer],
                1.0,
            )
    small, large = sizes[-2], sizes[-1]
    growth = large / small
    goal(
        f"query time growth {small} -> {large} records",
        by_size[str(large)]["query"]["query_s"] / by_size[str(small)]["query"]["query_s"],
        GOALS["query_growth"],
    )
    goal(
        f"load time growth {small} -> {large} records (x{growth:g} records)",
        by_size[str(large)]["load"]["load_s"] / by_size[str(small)]["load"]["load_s"],
        GOALS["load_growth"] * growth / 10,
    )
    who_held = report["bundled"]["who_held"]
    if who_held["available"]:
        goal(
            f"frames.who_held, every day 1964-today ({who_held['rows']} rows), seconds",
            who_held["seconds"],
            GOALS["who_held_s"],
        )
    goal(
        f"bytes per record at {max(sizes)} records (tracemalloc)",
        report["memory"]["bytes_per_record"],
        GOALS["bytes_per_record"],
    )
    for name, measured, limit in explorer.goals(report["explorer"]):
        goal(name, measured, limit)
    return found


def log(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def show(report: dict[str, Any]) -> None:
    """Print the figures and the goals."""
    p = report["processes"]
    print(f"coophistory benchmarks ({report['mode']}), Python {report['python']}")
    print(
        f"  fresh process: bare {p['python_bare_s'] * 1e3:.0f} ms, attrs+pendulum "
        f"{p['import_attrs_pendulum_s'] * 1e3:.0f} ms, import coophistory "
        f"{p['import_coophistory_s'] * 1e3:.0f} ms, first answer {p['first_answer_s'] * 1e3:.0f} ms"
        f" (parsing the TOML instead of its compact form {p['first_answer_toml_only_s'] * 1e3:.0f}"
        f" ms, x{p['ratio_first_answer_toml_only_vs_deps']:.2f})"
    )
    data = report["bundled"]["data"]
    print(
        f"  bundled data ({data['toml_bytes'] / 1e3:.0f} kB TOML, {data['compact_bytes'] / 1e3:.0f}"
        f" kB compact): tomllib {data['tomllib_s'] * 1e3:.2f} ms, json.loads "
        f"{data['json_loads_s'] * 1e3:.2f} ms; read and validated from the TOML "
        f"{data['read_toml_s'] * 1e3:.2f} ms, from the compact form "
        f"{data['read_compact_s'] * 1e3:.2f}"
        " ms"
    )
    for part in ("graph", "render"):
        info = report["bundled"][part]
        shown = ", ".join(f"{k} {v * 1e3:.2f} ms" for k, v in info.items() if k.endswith("_s"))
        print(f"  {part}: {shown}")
    for records, result in report["sizes"].items():
        load, query, views, peers = (result[k] for k in ("load", "query", "views", "peers"))
        print(f"  {records} records ({load['file_bytes'] / 1e6:.1f} MB):")
        print(
            f"    load {load['load_s']:.3f} s, tomllib {load['tomllib_s']:.3f} s "
            f"(x{load['ratio_load_vs_tomllib']:.2f})"
        )
        print(
            f"    as-of query {query['query_s'] * 1e6:.2f} us, bisect {query['bisect_s'] * 1e6:.3f}"
            f" us (x{query['ratio_query_vs_bisect']:.1f}); first on a fresh index "
            f"{query['first_query_fresh_history_s'] * 1e3:.2f} ms; "
            f"a year {query['year_query_s'] * 1e6:.1f} us"
        )
        print(
            f"    supervision_on {views['types']} types: "
            f"cold {views['supervision_on_cold_s']:.3f} s,"
            f" warm {views['supervision_on_warm_s']:.4f} s; handovers {views['handovers_s']:.3f} s;"
            f" lineage of every type {views['lineage_all_types_s']:.3f} s"
        )
        print(
            "    same intervals (us per lookup): "
            + ", ".join(
                f"{k.removesuffix('_s')} {v * 1e6:.2f}"
                for k, v in peers.items()
                if k.endswith("_s")
            )
        )
    m = report["memory"]
    print(
        f"  memory at {m['records']} records: {m['bytes_per_record']:.0f} B/record after load, "
        f"{m['bytes_per_record_after_every_type_queried']:.0f} B/record with every type's timeline"
    )
    explorer.show(report["explorer"])
    print("goals:")
    for g in report["goals"]:
        mark = "met   " if g["met"] else "MISSED"
        note = f"  ({g['note']})" if "note" in g else ""
        print(f"  {mark} {g['goal']}: {g['measured']:.3g} (limit {g['limit']:g}){note}")


def main(argv: list[str] | None = None) -> int:
    """Run the suite; 0 unless something is broken (missed goals are reported, not errors)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--json", type=Path, default=ROOT / ".benchmarks" / "report.json")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    with tempfile.TemporaryDirectory(prefix="coophistory-bench-") as folder:
        report = run(sizes, quick=args.quick, folder=Path(folder))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    show(report)
    print(f"report: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
