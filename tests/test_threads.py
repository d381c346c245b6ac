"""Threads: ``coophistory.load()`` builds the bundled history once, however many threads ask."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading

import coophistory

from .conftest import TINY

# Run in a fresh interpreter: in this one the bundled history may be loaded already.
_SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    import coophistory

    THREADS = 16
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def ask(i):
        barrier.wait()
        history = coophistory.load()
        answer = history.supervisor("savings-and-credit", "2019-01-01")
        results[i] = (id(history), [b.id for b in answer.bodies], len(history.handovers()))

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    json.dump({"results": results, "after": id(coophistory.load())}, sys.stdout)
    """
)


def test_sixteen_threads_get_one_fully_built_history() -> None:
    """16 threads released at once by a barrier all get the same History, already complete.

    Each thread asks a question at once: a history still being built would answer differently.
    Three rounds, each in a fresh process, since a race shows only sometimes.
    """
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert (done.returncode, done.stderr) == (0, "")
        report = json.loads(done.stdout)
        results = report["results"]
        assert None not in results
        assert {r[0] for r in results} == {report["after"]}, "load() built several histories"
        assert {json.dumps(r[1:]) for r in results} == {json.dumps(results[0][1:])}
        assert results[0][1], "the answer named nobody"


def test_one_history_queried_from_many_threads_answers_as_one_thread() -> None:
    """Eight threads asking a fresh History everything at once get the serial answers."""
    days = [f"{year}-06-01" for year in range(1960, 2030, 3)]

    def everything(history: coophistory.History) -> list[str]:
        return [
            repr((a.bodies, a.possible, a.certain))
            for day in days
            for function in coophistory.FUNCTIONS
            for a in history.supervision_on(day, function=function).values()
        ] + [repr(history.handovers(function=f)) for f in coophistory.FUNCTIONS]

    expected = everything(coophistory.load(TINY))
    shared = coophistory.load(TINY)
    barrier = threading.Barrier(8)
    results: list[list[str]] = []

    def ask() -> None:
        barrier.wait()
        results.append(everything(shared))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result == expected for result in results)
