"""A compiled test that a doc's instance is valid, so a complete doc never needs jsonschema at all.

Most docs checked are complete (a pre-commit hook passes, a repo is mostly green), and for them
jsonschema's job is only to find nothing. This module turns the schema into plain closures that
answer "certainly valid" much faster, and without importing jsonschema. jsonschema stays the
authority: when the answer is anything but a certain yes, the doc goes through jsonschema as before,
which alone produces the errors.

Sound by construction: only keywords whose Draft 2020-12 meaning is reproduced exactly here are
compiled; a schema using any other keyword (or a $schema other than 2020-12) is not compiled at all,
and a value the closures are unsure about (a number type other than int and float, a format check
that raises) counts as "not certainly valid".

Why by hand rather than jsonschema-rs (`python bench/run.py --only 6`: CPU time, 1,000 generated
docs, two runs on a shared 2-core machine): jsonschema-rs 0.61 answers in 226-236 us per doc against
294-310 us here (jsonschema: 1,534-1,618 us), but the one-file `handoff lint` every commit pays takes
as long with it, 0.99x and 1.01x of 265-276 ms, since importing it costs ~16 ms more than this
module. It is not faster on both, so this module stays; jsonschema-rs would also read `pattern` in
Rust's regex dialect, where jsonschema and this module use Python's.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping
from typing import Any

Test = Callable[[Any], bool]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Keywords with no effect on validity.
_ANNOTATIONS = frozenset({
    "$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default",
    "deprecated", "readOnly", "writeOnly",
})
_TYPES: dict[str, Test] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    # Draft 2020-12: 1.0 is an integer; bool is never a number.
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}
_SCALARS = (str, int, float, bool, type(None))


class _Unsupported(Exception):
    """The schema uses something this module does not reproduce exactly."""


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same(choice: object) -> Test:
    # Equal and of the same type: True is not 1 and 1 is not 1.0 here (jsonschema may still accept
    # those; they then just take the slow path).
    kind = type(choice)
    return lambda v: type(v) is kind and v == choice


def _choices(values: object) -> Test:
    if not isinstance(values, list) or not all(isinstance(c, _SCALARS) for c in values):
        raise _Unsupported("enum")
    if all(isinstance(c, str) for c in values):
        allowed = frozenset(values)
        return lambda v: isinstance(v, str) and v in allowed
    tests = [_same(c) for c in values]
    return lambda v: any(test(v) for test in tests)


def _format(test: Callable[[object], bool] | None) -> Test:
    if test is None:
        return lambda v: True  # an unknown format is an annotation, as in jsonschema

    def conforms(value: object) -> bool:
        try:
            return bool(test(value))
        except Exception:  # jsonschema will raise or report it; not certain here
            return False

    return conforms


class _Compiler:
    def __init__(self, formats: Mapping[str, Callable[[object], bool]]) -> None:
        self.formats = formats

    def compile(self, schema: object) -> Test:
        if schema is True or schema == {}:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, dict):
            raise _Unsupported(repr(schema))
        tests: list[Test] = []
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS or keyword in ("additionalProperties", "minContains"):
                continue
            tests.append(self.keyword(keyword, value, schema))
        if "additionalProperties" in schema:
            tests.append(self.additional(schema))
        return _every(tests)

    def keyword(self, keyword: str, value: Any, schema: Mapping[str, Any]) -> Test:
        method = getattr(self, "k_" + keyword, None)
        if method is None:
            raise _Unsupported(keyword)
        test: Test = method(value, schema)
        return test

    # One method per keyword, each with jsonschema's semantics for Draft 2020-12.

    def k_type(self, value: Any, schema: Mapping[str, Any]) -> Test:
        names = value if isinstance(value, list) else [value]
        if not all(name in _TYPES for name in names):
            raise _Unsupported("type")
        tests = [_TYPES[name] for name in names]
        return tests[0] if len(tests) == 1 else lambda v: any(test(v) for test in tests)

    def k_enum(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return _choices(value)

    def k_const(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return _choices([value])

    def k_required(self, value: Any, schema: Mapping[str, Any]) -> Test:
        keys = tuple(value)
        return lambda v: not isinstance(v, dict) or all(key in v for key in keys)

    def k_properties(self, value: Any, schema: Mapping[str, Any]) -> Test:
        fields = [(key, self.compile(subschema)) for key, subschema in value.items()]

        def test(v: Any) -> bool:
            if isinstance(v, dict):
                for key, check in fields:
                    if key in v and not check(v[key]):
                        return False
            return True

        return test

    def additional(self, schema: Mapping[str, Any]) -> Test:
        if "patternProperties" in schema:
            raise _Unsupported("patternProperties")
        known = frozenset(schema.get("properties", {}))
        rest = schema["additionalProperties"]
        if rest is False:
            return lambda v: not isinstance(v, dict) or known.issuperset(v)
        check = self.compile(rest)
        return lambda v: not isinstance(v, dict) or all(
            check(item) for key, item in v.items() if key not in known)

    def k_items(self, value: Any, schema: Mapping[str, Any]) -> Test:
        if "prefixItems" in schema:
            raise _Unsupported("prefixItems")
        check = self.compile(value)

        def test(v: Any) -> bool:
            if isinstance(v, list):
                for item in v:
                    if not check(item):
                        return False
            return True

        return test

    def k_contains(self, value: Any, schema: Mapping[str, Any]) -> Test:
        if "maxContains" in schema:
            raise _Unsupported("maxContains")
        least = schema.get("minContains", 1)
        if not isinstance(least, int) or isinstance(least, bool):
            raise _Unsupported("minContains")
        check = self.compile(value)
        return lambda v: not isinstance(v, list) or sum(1 for item in v if check(item)) >= least

    def k_minItems(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return lambda v: not isinstance(v, list) or len(v) >= value

    def k_maxItems(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return lambda v: not isinstance(v, list) or len(v) <= value

    def k_minLength(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return lambda v: not isinstance(v, str) or len(v) >= value

    def k_maxLength(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return lambda v: not isinstance(v, str) or len(v) <= value

    def k_pattern(self, value: Any, schema: Mapping[str, Any]) -> Test:
        search = re.compile(value).search  # jsonschema: re.search, so the same regex dialect
        return lambda v: not isinstance(v, str) or search(v) is not None

    def k_format(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return _format(self.formats.get(value))

    def k_minimum(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return self._bound(value, lambda v: v >= value)

    def k_maximum(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return self._bound(value, lambda v: v <= value)

    def k_exclusiveMinimum(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return self._bound(value, lambda v: v > value)

    def k_exclusiveMaximum(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return self._bound(value, lambda v: v < value)

    def _bound(self, limit: Any, within: Test) -> Test:
        if not _is_number(limit):
            raise _Unsupported("bound")

        def test(v: Any) -> bool:
            if _is_number(v):
                return within(v)
            # Not a number: the keyword does not apply. An exotic number type (Decimal): not certain.
            return isinstance(v, bool) or not isinstance(v, numbers.Number)

        return test

    def k_allOf(self, value: Any, schema: Mapping[str, Any]) -> Test:
        return _every([self.compile(subschema) for subschema in value])

    def k_anyOf(self, value: Any, schema: Mapping[str, Any]) -> Test:
        tests = [self.compile(subschema) for subschema in value]
        return lambda v: any(test(v) for test in tests)


def _every(tests: list[Test]) -> Test:
    if len(tests) == 1:
        return tests[0]

    # Plain loops rather than all(): these run for every value of every doc.
    def test(v: Any) -> bool:
        for check in tests:  # noqa: SIM110 - a loop is measurably faster than all() here
            if not check(v):
                return False
        return True

    return test


def compile_schema(schema: Mapping[str, Any],
                   formats: Mapping[str, Callable[[object], bool]]) -> Test | None:
    """A test that is True only for instances jsonschema finds valid; None if not compilable."""
    if schema.get("$schema", DIALECT) != DIALECT:
        return None
    try:
        return _Compiler(formats).compile(dict(schema))
    except (_Unsupported, re.error, TypeError, AttributeError):
        return None
