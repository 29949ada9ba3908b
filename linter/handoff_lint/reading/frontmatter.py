"""YAML front matter: split it off, load it safely, and remember the line of every key and value.

Values are built from the composed node tree rather than by a YAML constructor, so dates stay the
strings the AE wrote, duplicate keys are caught (PyYAML keeps the last one silently), aliases are
refused before anything is expanded, and tags never construct objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from handoff_lint.codes import diagnostic
from handoff_lint.diagnostics import Diagnostic, Edit, Fix

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

SourceMap = dict[str, tuple[int, int]]
JSONValue = object

_DELIMITER = "---"
_CLOSERS = ("---", "...")
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
# Front matter is a dozen keys, one of them (trigger) holding a few more. The limits are far above
# that and keep a hostile block from costing time, memory or the C stack PyYAML composes on.
MAX_DEPTH = 20
# Line breaks to YAML but not to the rest of the pipeline (or to an editor).
_HIDDEN_BREAK = re.compile("[\x85\u2028\u2029]")
MAX_VALUES = 1_000


@dataclass
class FrontMatter:
    data: dict[str, JSONValue] | None
    source_map: SourceMap = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    body: str = ""
    body_line_offset: int = 0


def split(text: str) -> tuple[list[str] | None, int | None]:
    """Return the front matter lines and the 0-based index of the closing line (None if unclosed)."""
    lines = text.split("\n")
    if lines[0].rstrip() != _DELIMITER:
        return None, None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSERS:
            return lines[1:index], index
    return lines[1:], None


class _Refused(Exception):
    """The front matter cannot be read: one diagnostic, and no data."""

    def __init__(self, code: str, line: int, column: int, message: str, hint: str,
                 fix: Fix | None = None) -> None:
        super().__init__(message)
        self.code, self.line, self.column, self.message, self.hint = code, line, column, message, hint
        self.fix = fix

    def as_diagnostic(self, path: str) -> Diagnostic:
        return diagnostic(path, self.line, self.column, self.code, self.message, self.hint, self.fix)


def _alias(line: int, column: int, what: str) -> _Refused:
    return _Refused("HO205", line, column, f"front matter {what}",
                    "Remove the anchor (&name) or alias (*name) and write each value out in full.")


def _scalar(node: yaml.ScalarNode) -> JSONValue:
    value: str = node.value
    tag = node.tag.removeprefix(_TAG)
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag == "float":
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value  # str and timestamp: dates stay as written


def _too_deep(line: int, column: int) -> _Refused:
    return _Refused("HO310", line, column, f"front matter is nested more than {MAX_DEPTH} levels deep",
                    "Write the front matter as plain key: value lines; only trigger: has keys "
                    "indented under it.")


def _screen(events: Iterable[yaml.Event], first_line: int) -> None:
    """Refuse anchors, aliases, deep nesting and bulk from the event stream, before composing."""
    depth = values = 0
    for event in events:
        mark = event.start_mark
        line, column = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        if isinstance(event, yaml.AliasEvent):
            raise _alias(line, column, f"refers to another value with the YAML alias '*{event.anchor}'")
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.anchor:
            raise _alias(line, column, f"names a value with the YAML anchor '&{event.anchor}'")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(line, column)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            values += 1
            if values > MAX_VALUES:
                raise _Refused(
                    "HO104", line, column,
                    f"front matter holds more than {MAX_VALUES:,} values; it is a dozen key: value lines",
                    "Keep only the keys of the handoff format in the front matter and move pasted "
                    "data out of the doc.",
                )


class _Builder:
    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.source_map: SourceMap = {}
        self.seen: set[int] = set()
        self.duplicates: list[Diagnostic] = []

    def position(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def build(self, node: yaml.Node, pointer: str) -> JSONValue:
        if id(node) in self.seen:  # composed from an alias the screen let through
            raise _alias(*self.position(node), "uses a YAML anchor and alias (&name / *name)")
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            line, column = self.position(node)
            raise _Refused(
                "HO206", line, column, f"YAML tag '{node.tag}' is not allowed in front matter",
                "Remove the tag (the part starting with !) and write a plain value.",
            )
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self._child(item, f"{pointer}/{i}") for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pointer)
        line, column = self.position(node)  # pragma: no cover - PyYAML has no other node kinds
        raise _Refused("HO203", line, column, "unsupported YAML node", "Write plain key: value lines.")

    def _child(self, node: yaml.Node, pointer: str) -> JSONValue:
        self.source_map[pointer] = self.position(node)
        return self.build(node, pointer)

    def _mapping(self, node: yaml.MappingNode, pointer: str) -> dict[str, JSONValue]:
        result: dict[str, JSONValue] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = self.position(key_node)
                raise _Refused(
                    "HO203", line, column, "front matter keys must be plain words",
                    "Write each key as a plain word followed by a colon, e.g. client: Acme Ltd.",
                )
            key = str(key_node.value)
            line, column = self.position(key_node)
            if key in key_lines:
                self.duplicates.append(diagnostic(
                    self.path, line, column, "HO204",
                    f"front matter key '{key}' is given twice: on lines {key_lines[key]} and {line}",
                    "Keep one of the two lines; YAML would silently use the last one.",
                ))
                continue
            key_lines[key] = line
            child_pointer = f"{pointer}/{key}"
            # Scalars are reported where the value stands; groups where their key stands.
            is_scalar = isinstance(value_node, yaml.ScalarNode) and value_node.value != ""
            self.source_map[child_pointer] = self.position(value_node) if is_scalar else (line, column)
            result[key] = self.build(value_node, child_pointer)
        return result


_KEY_WITHOUT_SPACE = re.compile(r"^(?P<indent>[ ]*)(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?P<value>[^\s/:].*)$")
_KEY_VALUE = re.compile(r"^(?P<indent>[ ]*)(?P<key>[A-Za-z_][A-Za-z0-9_]*):[ ]+(?P<value>\S.*?)\s*$")


def _likely_cause(lines: list[str], error_line: int, problem: str) -> _Refused | None:
    """The mistake behind a YAML error, in plain words, at the line where it was made (YAML often
    notices only a line or more later): a key with no space after its colon, a tab indent, a
    value holding ': ', a quote never closed."""
    written = list(enumerate(lines, start=2))[:max(error_line - 1, 0)]
    for number, content in written:
        if "\t" in content[:len(content) - len(content.lstrip())]:
            return _Refused(
                "HO203", number, 1,
                "front matter: this line is indented with a tab, which YAML does not allow",
                "Indent with spaces only (two per level), e.g. '  sow_signed: 2026-11-16'.")
        match = _KEY_WITHOUT_SPACE.match(content)
        if match:
            column = len(match.group("indent")) + len(match.group("key")) + 2
            return _Refused(
                "HO203", number, column,
                f"front matter: '{content.strip()}' has no space after the colon, so YAML does not "
                f"read '{match.group('key')}' as a key",
                f"Put a space after the colon: '{match.group('key')}: {match.group('value')}'.",
                Fix("Put a space after the colon", (Edit(number, column, "", " "),)))
        match = _KEY_VALUE.match(content)
        if match is None:
            continue
        value, column = match.group("value"), match.start("value") + 1
        if value[0] in "\"'" and (len(value) == 1 or value[-1] != value[0]):
            return _Refused(
                "HO203", number, column,
                f"front matter: the value of '{match.group('key')}' opens a quote ({value[0]}) that is "
                "never closed",
                f"Close the quote at the end of the value, or remove it: {match.group('key')}: "
                f"{value.strip(value[0])}")
        if number == error_line and ": " in value and "mapping values" in problem:
            quoted = '"' + value + '"'
            fix = None if '"' in value or "\\" in value else Fix(
                "Put the value in double quotes", (Edit(number, column, value, quoted),))
            return _Refused(
                "HO203", number, column + value.index(": "),
                f"front matter: the value of '{match.group('key')}' contains ': ', which YAML reads "
                "as the start of another key",
                f"Put the value in double quotes: {match.group('key')}: {quoted}", fix)
    return None


def _compose(lines: list[str]) -> yaml.MappingNode:
    """The front matter's node tree, or _Refused with where and why it cannot be read."""
    for number, content in enumerate(lines, start=2):
        hidden = _HIDDEN_BREAK.search(content)
        if hidden:  # YAML would count it as a new line, and every line after it would be off
            raise _Refused(
                "HO203", number, hidden.start() + 1,
                f"front matter contains an invisible U+{ord(hidden.group()):04X}, which YAML reads as "
                "a line break",
                "Delete the invisible character (it comes with text pasted from Word or a web page).",
            )
    yaml_text = "\n".join(lines)
    try:
        _screen(yaml.parse(yaml_text, Loader=_Loader), first_line=2)
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = ((mark.line + 2), (mark.column + 1)) if mark else (1, 1)
        if "maximum nesting depth" in (error.problem or ""):
            # libyaml 0.2.6 and later stop deep flow nesting themselves, while scanning ahead,
            # before the screen sees the events: the same finding as the screen's.
            raise _too_deep(line, column) from None
        cause = _likely_cause(lines, line, error.problem or "")
        if cause is not None:
            raise cause from None
        raise _Refused(
            "HO203", line, column,
            f"front matter is not valid YAML: {error.problem or error.context}",
            "Check this line: a value containing ': ' or starting with a quote needs quoting, "
            "and nested keys need consistent indentation.",
        ) from None
    except yaml.YAMLError as error:
        raise _Refused("HO203", 1, 1, f"front matter is not valid YAML: {error}",
                       "Write the front matter as plain key: value lines.") from None
    if node is None:
        return yaml.MappingNode(_TAG + "map", [])
    if not isinstance(node, yaml.MappingNode):
        # e.g. a single 'ae:Priya Shah', which YAML reads as one string rather than a key.
        cause = _likely_cause(lines, len(lines) + 1, "")
        if cause is not None:
            raise cause
        raise _Refused("HO203", node.start_mark.line + 2, 1,
                       "front matter must be a set of key: value lines",
                       "Write one key per line, e.g. client: Acme Widgets Ltd.")
    return node


def parse(path: str, text: str) -> FrontMatter:
    """Split and load the front matter of a doc; diagnostics carry positions in the whole file."""
    lines, closing = split(text)
    if lines is None:
        return FrontMatter(None, body=text, diagnostics=[diagnostic(
            path, 1, 1, "HO201", "the doc has no front matter: it must start with a line '---'",
            "Start the file with '---', the front matter keys (client, slug, doc_date, ...), "
            "and a closing '---'.",
        )])
    if closing is None:
        return FrontMatter(None, diagnostics=[diagnostic(
            path, 1, 1, "HO202", "the front matter opened on line 1 is never closed",
            "Add a line with only '---' after the last front matter key.",
        )])
    body = "\n".join(text.split("\n")[closing + 1:])
    result = FrontMatter(None, {"/front_matter": (1, 1)}, body=body, body_line_offset=closing + 1)
    builder = _Builder(path, first_line=2)
    try:
        data = builder.build(_compose(lines), "/front_matter")
    except _Refused as refused:
        result.diagnostics.append(refused.as_diagnostic(path))
        return result
    assert isinstance(data, dict)
    result.data = data
    result.source_map.update(builder.source_map)
    result.diagnostics.extend(builder.duplicates)
    return result
