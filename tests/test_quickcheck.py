"""quickcheck: says "valid" only when jsonschema finds nothing, so a complete doc can skip jsonschema."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import PurePosixPath
from types import ModuleType
from typing import Any

import pytest
from conftest import EXAMPLES, REPO, check_doc
from handoff_lint.contract.formats import format_checker, formats
from handoff_lint.contract.quickcheck import compile_schema
from handoff_lint.contract.schema import load_schema, quick_validator, validator
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator


def full_valid(instance: object, schema: dict[str, Any] | None = None) -> bool:
    if schema is None:
        return not list(validator().iter_errors(instance))
    return Draft202012Validator(schema, format_checker=format_checker()).is_valid(instance)


def test_the_packaged_schema_is_a_valid_schema_and_compiles() -> None:
    Draft202012Validator.check_schema(load_schema())  # the run itself no longer checks it
    assert quick_validator() is not None


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.parent.name)
def test_examples_are_valid_both_ways(path: Any) -> None:
    instance = check_doc(path.read_bytes(), PurePosixPath(path.relative_to(REPO).as_posix())).instance
    test = quick_validator()
    assert test is not None and test(instance) and full_valid(instance)


def test_agrees_on_generated_clients(generate: ModuleType) -> None:
    test = quick_validator()
    assert test is not None
    for client in generate.corpus(60, seed=2, defect_share=0.5):
        instance = check_doc(client.text, PurePosixPath(client.relative)).instance
        assert test(instance) == full_valid(instance), client.defect


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2, allow_nan=False)
    | st.sampled_from(["", "x", "High", "Exec sponsor", "2026-02-30", "2026-11-04", "£1,000",
                       "a@b.example", "0113 496 0101", "40%", "01234567"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["role", "x"]), inner,
                                                                  max_size=2),
    max_leaves=6,
)


def _pointers(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _pointers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _pointers(item, (*path, index))
    return found


@pytest.fixture(scope="module")
def northwind_instance() -> dict[str, Any]:
    return check_doc(EXAMPLES[-1].read_bytes(),
                     PurePosixPath(EXAMPLES[-1].relative_to(REPO).as_posix())).instance


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_never_valid_when_jsonschema_objects(northwind_instance: dict[str, Any], data: st.DataObject) -> None:
    instance = copy.deepcopy(northwind_instance)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_pointers(instance)[1:]))
        parent: Any = instance
        for part in path[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(JSON)
    test = quick_validator()
    assert test is not None
    if test(instance):
        assert full_valid(instance)


@pytest.mark.parametrize("schema", [
    {"$ref": "#/$defs/x", "$defs": {"x": {}}},
    {"not": {"type": "string"}},
    {"oneOf": [{"type": "string"}]},
    {"type": "object", "patternProperties": {"^a": {}}, "additionalProperties": False},
    {"type": "array", "prefixItems": [{}], "items": False},
    {"if": {}, "then": {}},
    {"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"},
    {"enum": [[1, 2]]},
])
def test_keywords_it_does_not_reproduce_are_not_compiled(schema: dict[str, Any]) -> None:
    assert compile_schema(schema, formats()) is None


@pytest.mark.parametrize(("schema", "instance", "expected"), [
    ({"type": "integer"}, 1.0, True),       # 2020-12: 1.0 is an integer
    ({"type": "integer"}, True, False),     # a bool is never a number
    ({"enum": [1]}, True, False),
    ({"const": "Exec sponsor"}, "Exec sponsor", True),
    ({"minimum": 1}, "text", True),         # bounds only apply to numbers
    ({"minimum": 1}, 0, False),
    ({"minimum": 1}, Decimal(5), False),    # not certain: left to jsonschema
    ({"required": ["a"]}, [], True),        # required only applies to objects
    ({"pattern": "^\\d+$"}, "12\n", True),  # re.search semantics, as jsonschema
    ({"format": "date"}, "2026-02-30", False),
    ({"format": "unknown-format"}, "anything", True),
    ({"contains": {"const": 1}}, [2, 3], False),
    ({"items": {"type": "string"}, "minItems": 2}, ["a", "b"], True),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x", "b": 1}, False),
])
def test_matches_jsonschema_on_edge_cases(schema: dict[str, Any], instance: object,
                                          expected: bool) -> None:
    test = compile_schema(schema, formats())
    assert test is not None
    assert test(instance) is expected
    if expected:
        assert full_valid(instance, schema)
