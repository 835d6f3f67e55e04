"""The ``data`` and ``standardizer`` sections: the recipe for the data, or its rows.

Generated data is stored as the generator's name and every parameter (defaults filled in),
so a file keeps making the same data even if a default changes. Imported data is stored as
its rows. The standardizer is derived (refitted on the training part when the file opens);
it is written so that other tools can use the weights without BP Studio.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..core.dataset import TASKS
from ..core.datasets import GENERATORS
from ..limit_checks import check_params, check_rows, check_table_values
from ..session import TABLE, DataSpec, PreparedData, Table
from .fields import (
    array,
    at,
    boolean,
    check_text,
    choice,
    describe,
    fail,
    guard,
    integer,
    matrix,
    number,
    numbers,
    obj,
)

DATA_KEYS = ("test_fraction", "split_seed", "standardize")
NAME_KEYS = ("input_names", "target_names", "class_names")
"""The names of embedded rows, in the order a file has them (before the rows)."""


def encode_data(spec: DataSpec, prepared: PreparedData) -> dict[str, Any]:
    full = prepared.full
    if spec.table is None:
        source: dict[str, Any] = {"generator": spec.name, "params": dict(full.params)}
    else:
        y = full.y.tolist() if full.task == "regression" else [int(v) for v in full.y]
        names = {key: list(getattr(spec.table, key)) for key in NAME_KEYS}
        source = {"table": {"task": full.task, **names, "X": full.X.tolist(), "y": y}}
    return {
        **source,
        "test_fraction": float(spec.test_fraction),
        "split_seed": int(spec.split_seed),
        "standardize": bool(spec.standardize),
    }


def decode_data(path: str, value: Any) -> DataSpec:
    d = obj(path, value, DATA_KEYS, ("generator", "params", "table"))
    fraction = number(at(path, "test_fraction"), d["test_fraction"])
    standardize = boolean(at(path, "standardize"), d["standardize"])
    if ("generator" in d) == ("table" in d):
        raise fail(path, "needs either 'generator' (with 'params') or 'table', not both or neither")
    if "table" in d:
        if "params" in d:
            raise fail(at(path, "params"), "embedded rows ('table') take no generator params")
        name, params, table = TABLE, {}, _decode_table(at(path, "table"), d["table"])
    else:
        name = choice(at(path, "generator"), d["generator"], GENERATORS, "data generator")
        if "params" not in d:
            raise fail(path, "missing key 'params'")
        params, table = _decode_params(at(path, "params"), name, d["params"]), None
    with guard(path):  # the split seed, the limits of the rows and names: the session's checks
        spec = DataSpec(name, params, fraction, d["split_seed"], standardize, table)
    if table is not None:
        for key in NAME_KEYS:  # after the count and lengths are known to be within the limits
            for i, label in enumerate(getattr(table, key)):
                check_text(at(at(at(path, "table"), key), i), label)
    return spec


def _decode_params(path: str, name: str, value: Any) -> dict[str, Any]:
    accepted = GENERATORS[name].parameters
    d = obj(path, value, (), accepted)
    for key, v in d.items():
        if not isinstance(v, int | float | str):
            raise fail(at(path, key), f"expected a number, got {describe(v)}")
    with guard(path):
        check_params(d)
    return dict(d)


def _decode_table(path: str, value: Any) -> Table:
    d = obj(path, value, ("task", *NAME_KEYS, "X", "y"))
    task = choice(at(path, "task"), d["task"], TASKS, "task")
    with guard(""):  # counted before a single number is converted
        check_table_values(path, _count(d["X"]) + _count(d["y"]))
    X = _rows(at(path, "X"), d["X"])
    n = X.shape[0]
    if task == "regression":
        y = _rows(at(path, "y"), d["y"])
        if y.shape[0] != n:
            raise fail(at(path, "y"), f"has {y.shape[0]} rows but X has {n}; they must match")
    else:
        labels = array(at(path, "y"), d["y"])
        if len(labels) != n:
            raise fail(at(path, "y"), f"has {len(labels)} labels but X has {n} rows")
        y = np.array(
            [integer(at(at(path, "y"), i), v) for i, v in enumerate(labels)], dtype=np.int64
        )
    names = {key: array(at(path, key), d[key]) for key in NAME_KEYS}
    return Table(X, y, task, **names)


def _count(rows: Any) -> int:
    """How many numbers a list of rows holds (anything else counts as one)."""
    if not isinstance(rows, list):
        return 1
    return sum(len(row) if isinstance(row, list) else 1 for row in rows)


def _rows(path: str, value: Any) -> np.ndarray:
    rows = array(path, value)
    with guard(""):
        check_rows(path, len(rows))
    if not rows:
        raise fail(path, "needs at least one row")
    first = rows[0]
    if not isinstance(first, list) or not first:
        raise fail(at(path, 0), f"expected a non-empty row [...] of numbers, got {describe(first)}")
    return matrix(path, rows, len(rows), len(first))


def encode_standardizer(spec: DataSpec, prepared: PreparedData) -> dict[str, Any] | None:
    if not spec.standardize:
        return None
    return prepared.standardizer.to_dict()


def check_standardizer(path: str, value: Any, spec: DataSpec, n_inputs: int) -> None:
    """The stored standardizer must fit the data; its values are refitted, not read."""
    if not spec.standardize:
        if value is not None:
            raise fail(path, "must be null when data.standardize is false")
        return
    d = obj(path, value, ("mean", "scale"))
    numbers(at(path, "mean"), d["mean"], n_inputs)
    numbers(at(path, "scale"), d["scale"], n_inputs)


def prepare(path: str, spec: DataSpec) -> PreparedData:
    """Make (or take) the data, split and scale it; any problem becomes a file error."""
    with guard(at(path, "params" if spec.table is None else "table")), np.errstate(all="ignore"):
        return spec.load()

