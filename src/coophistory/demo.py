"""The main job on the bundled data: answer as-of questions, print them with their sources."""

from __future__ import annotations

from coophistory.history import load

QUESTIONS = (
    ("savings-and-credit", "1995-06-01", "supervision"),
    ("savings-and-credit", "2018-12-31", "supervision"),
    ("savings-and-credit", "2019-01-01", "supervision"),
    ("housing", "1978-06-01", "supervision"),
    ("housing", "2000-01-01", "supervision"),
    ("coffee", "2010-01-01", "promotion"),
)


def main() -> None:
    """Print the answers to the demo's questions and the supervision handovers."""
    history = load()
    print(history)
    for coop_type, on, function in QUESTIONS:
        print(
            f"\n{coop_type} on {on} ({function}):\n  {history.supervisor(coop_type, on, function)}"
        )
    print("\nSupervision handovers:")
    for handover in history.handovers():
        print(
            f"  {handover.date}: {', '.join(handover.from_bodies)}"
            f" → {', '.join(handover.to_bodies)}"
            f" ({', '.join(handover.coop_types)})"
        )


if __name__ == "__main__":
    main()
