"""A small seeded generator of valid, varied histories, written as real TOML."""

from __future__ import annotations

import json
import random
from typing import Any

from coophistory.records import FUNCTIONS, LAW_KINDS

_WORDS = (
    "cooperativa",
    "crédito",
    'Ley "general"',
    "=SUM(A1)",
    "+1",
    "@home",
    "tab\there",
    "línea\nnueva",
    "plain",
    "ñandú",
    "back\\slash",
    "[bracket]",
    "# hash",
)


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3)))


def _point(rng: random.Random, year: int) -> str:
    text = rng.choice(
        (
            f"{year}",
            f"{year}-{rng.randint(1, 12):02d}",
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
    )
    return text + rng.choice(("", "", "?", "~", "%"))


def _date(rng: random.Random, year: int) -> str:
    """Return a closed EDTF date around ``year``: a point, or an interval of two."""
    if rng.random() < 0.2:
        return f"{year}/{year + 1}"
    return _point(rng, year)


def _cite(rng: random.Random, sources: list[str]) -> list[dict[str, str]]:
    return [
        {"source": rng.choice(sources), "locator": f"p. {rng.randint(1, 300)}"}
        for _ in range(rng.randint(1, 2))
    ]


def _maybe(rng: random.Random, row: dict[str, Any], key: str, value: Any) -> None:
    if rng.random() < 0.5:
        row[key] = value


def history_document(seed: int) -> dict[str, Any]:  # noqa: PLR0912 - one branch per optional key
    """Return a valid document: mandates never overlap, bases predate them."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    sources = [f"source-{i}" for i in range(rng.randint(1, 3))]
    doc: dict[str, Any] = {"schema_version": 1, "dataset_version": f"gen-{seed}", "sources": []}
    for ident in sources:
        row: dict[str, Any] = {"id": ident, "title": _text(rng)}
        _maybe(rng, row, "author", _text(rng))
        _maybe(rng, row, "year", rng.randint(1900, 2020))
        _maybe(rng, row, "url", f"https://example.org/{ident}")
        doc["sources"].append(row)
    conflicts = []
    for i in range(rng.randint(0, 2)):
        claims = [
            {"value": f"v{j}", "source": rng.choice(sources), "locator": f"§{j}"}
            for j in range(rng.randint(2, 3))
        ]
        _maybe(rng, claims[0], "note", _text(rng))
        _maybe(rng, claims[1], "value_es", _text(rng))
        row = {"id": f"conflict-{i}", "title": _text(rng), "claims": claims}
        _maybe(rng, row, "title_es", _text(rng))
        _maybe(rng, row, "description_es", _text(rng))
        if rng.random() < 0.5:
            row |= {"preferred": "v1", "reason": _text(rng), "reason_es": _text(rng)}
        conflicts.append(row)
    conflict_ids = [c["id"] for c in conflicts]
    laws = []
    for i in range(rng.randint(1, 4)):
        row = {
            "id": f"law-{i}",
            "kind": rng.choice(list(LAW_KINDS)),
            "number": str(rng.randint(1, 99999)),
            "title": _text(rng),
            rng.choice(("promulgated", "published", "in_force")): _date(
                rng, rng.randint(1900, 1950)
            ),
            "citations": _cite(rng, sources),
        }
        _maybe(rng, row, "title_es", _text(rng))
        _maybe(rng, row, "note_es", _text(rng))
        if conflict_ids:
            _maybe(rng, row, "conflicts", [rng.choice(conflict_ids)])
        laws.append(row)
    law_ids = [law["id"] for law in laws]
    bodies = []
    for i in range(rng.randint(2, 4)):
        row = {
            "id": f"body-{i}",
            "name": _text(rng),
            "kind": rng.choice(("ministry", "federation")),
            "citations": _cite(rng, sources),
        }
        _maybe(rng, row, "name_es", _text(rng))
        _maybe(rng, row, "acronyms", [f"B{i}", f"BB{i}"][: rng.randint(1, 2)])
        _maybe(rng, row, "founded", _date(rng, 1955))
        _maybe(rng, row, "created_by", rng.choice(law_ids))
        _maybe(
            rng,
            row,
            "former_names",
            [
                {
                    "name": _text(rng),
                    "until": _date(rng, 1970),
                    **({"acronym": f"OLD{i}"} if rng.random() < 0.5 else {}),
                }
            ],
        )
        bodies.append(row)
    body_ids = [b["id"] for b in bodies]
    types = [
        {
            "id": "cooperative",
            "name": "cooperative",
            "abstract": True,
            "citations": _cite(rng, sources),
        }
    ]
    for i in range(rng.randint(1, 4)):
        row = {
            "id": f"type-{i}",
            "name": _text(rng),
            "parent": rng.choice(types)["id"],
            "citations": _cite(rng, sources),
        }
        _maybe(rng, row, "aliases", [_text(rng)])
        types.append(row)
    mandates: list[dict[str, Any]] = []
    for function in FUNCTIONS:
        for coop_type in rng.sample(types, rng.randint(1, len(types))):
            year = rng.randint(1960, 1970)
            start = _date(rng, year)
            for _ in range(rng.randint(1, 3)):
                year += rng.randint(5, 12)
                end = _date(rng, year)
                row = {
                    "body": rng.choice(body_ids),
                    "function": function,
                    "coop_types": [coop_type["id"]],
                    "start": start,
                    "citations": _cite(rng, sources),
                }
                if rng.random() < 0.8:
                    row["end"] = end
                _maybe(rng, row, "basis", rng.sample(law_ids, 1))
                _maybe(rng, row, "note", _text(rng))
                if rng.random() < 0.3:
                    row["id"] = f"m-{len(mandates)}"
                if rng.random() < 0.2:
                    row["delegated_by"] = rng.choice([b for b in body_ids if b != row["body"]])
                mandates.append(row)
                if "end" not in row:
                    break
                start = end
    events = []
    for i in range(rng.randint(0, 3)):
        row = {
            "id": f"event-{i}",
            "date": _date(rng, rng.randint(1960, 2020)),
            "kind": "census",
            "title": _text(rng),
            "citations": _cite(rng, sources),
        }
        _maybe(rng, row, "title_es", _text(rng))
        _maybe(rng, row, "description", _text(rng))
        if "description" in row:
            _maybe(rng, row, "description_es", _text(rng))
        _maybe(rng, row, "coop_types", [rng.choice(types)["id"]])
        _maybe(
            rng,
            row,
            "figures",
            [
                {
                    "value": rng.choice((12, 3.5, -7)),
                    "unit": "members",
                    "label": _text(rng),
                    "as_of": "2017",
                }
            ],
        )
        events.append(row)
    for table, rows in (
        ("conflicts", conflicts),
        ("laws", laws),
        ("bodies", bodies),
        ("coop_types", types),
        ("mandates", mandates),
        ("events", events),
    ):
        if rows:
            doc[table] = rows
    return doc


def toml_text(document: dict[str, Any]) -> str:
    """Write a document as TOML: top-level scalars, then arrays of tables with inline values."""
    lines = [
        f"{key} = {_value(value)}" for key, value in document.items() if not isinstance(value, list)
    ]
    for table, rows in document.items():
        if isinstance(rows, list):
            for row in rows:
                lines += [
                    "",
                    f"[[{table}]]",
                    *(f"{key} = {_value(value)}" for key, value in row.items()),
                ]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
