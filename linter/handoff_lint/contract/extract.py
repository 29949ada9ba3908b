"""Document to instance: match headings, labels and columns to the schema by title.

The result is plain JSON data for the validator plus a source map from JSON pointers to file
positions, so every schema error can be reported at the line where the fix goes. Nothing here knows
a field by name: adding a property to the schema adds it to the extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from handoff_lint.codes import diagnostic
from handoff_lint.contract import pasted
from handoff_lint.contract.schema import Schema, kind, properties, title_of
from handoff_lint.contract.titles import normalise, synonym_choice
from handoff_lint.diagnostics import Diagnostic, Edit, Fix
from handoff_lint.domain.records import FRONT_MATTER
from handoff_lint.reading.document import Block, Document, Row, Section, block_text, item_text
from handoff_lint.reading.frontmatter import FrontMatter, SourceMap

JSON = object

_LABEL = re.compile(r"^(?:\*\*(?P<bold>[^*\n]+?)\*\*|__(?P<under>[^_\n]+?)__)[ \t]*:?[ \t]*")
# Starts only where a run of spaces starts, and stops at the next parenthesis: linear on any text.
_PARENTHETICAL = re.compile(r"(?<!\s)\s*\([^()]*\)")
# At most 15 digits (999 trillion): a headcount or an amount beyond that is a paste accident, and
# turning 4,301 digits into an int is refused by Python itself. A longer number stays text, which
# the schema reports as not a number.
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3}){1,4}$|^\d{1,15}$")
# The label runs to the first colon (its class has none), so there is nothing to backtrack over.
_PLAIN_LABEL = re.compile(r"(?P<label>[^:\n*_`\[<]{1,80}):")
_LISTS = ("bullet_list", "ordered_list")
# An address as mail programs and editors copy it: 'Ruth Okonkwo <ruth@example.com>', or a link
# '[Ruth](mailto:ruth@example.com)'.
_NAMED_ADDRESS = re.compile(r"[^<>\n]*?<(?:mailto:)?(?P<address>[^<>\s@]+@[^<>\s]+)>"
                            r"|\[[^\[\]\n]*\]\(mailto:(?P<linked>[^()\s@]+@[^()\s]+)\)")
# What a block is called in a message. Raw HTML is left out (HO617 reports it, and the guidance
# notes are reference lines, which are not blocks), and so is a rule line, which holds no content.
_NOUNS = {
    "paragraph": "paragraph", "bullet_list": "list", "ordered_list": "list", "blockquote": "quote",
    "table": "table", "code_block": "code block", "fence": "code block", "heading": "heading",
}


@dataclass(frozen=True)
class Unplaced:
    """A heading, label, key or column that matches nothing in the schema."""

    text: str
    line: int
    column: int
    what: str


@dataclass
class Extraction:
    instance: dict[str, JSON] = field(default_factory=dict)
    source_map: SourceMap = field(default_factory=dict)
    table_headers: dict[str, tuple[int, int]] = field(default_factory=dict)
    columns: dict[str, set[str]] = field(default_factory=dict)
    unplaced: dict[str, list[Unplaced]] = field(default_factory=dict)
    incomplete_rows: set[str] = field(default_factory=set)
    last_line: int = 1
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def position(self, pointer: str) -> tuple[int, int]:
        """Where a value was written, or its nearest written parent (the doc's start if none is)."""
        for candidate in iter_pointer_parents(pointer):
            if candidate in self.source_map:
                return self.source_map[candidate]
        return (1, 1)


class _Extractor:
    def __init__(self, path: str, document: Document, schema: Schema) -> None:
        self.path = path
        self.document = document
        self.schema = schema
        self.result = Extraction(source_map={"": (1, 1)})

    def diagnose(self, code: str, line: int, column: int, message: str, hint: str = "") -> None:
        self.result.diagnostics.append(diagnostic(self.path, line, column, code, message, hint))

    def unplaced(self, pointer: str, item: Unplaced) -> None:
        self.result.unplaced.setdefault(pointer, []).append(item)

    def first_column(self, line: int) -> int:
        """The column a line's text starts in, after its indent."""
        text = self.document.source(line, line)[0]
        return len(text) - len(text.lstrip()) + 1

    def not_read(self, blocks: list[Block], where: str, hint: str) -> None:
        """Content the format has no place for: report it where it starts, or it passes unchecked.
        '{noun}' in the hint becomes what the block is ('paragraph', 'list', ...)."""
        for block in blocks:
            noun = _NOUNS.get(block.kind)
            if noun is not None:
                self.diagnose("HO309", block.line, self.first_column(block.line),
                              f"{where}: this {noun} is not read", hint.replace("{noun}", noun))

    # Front matter -------------------------------------------------------------------------------

    def front_matter(self, front: FrontMatter) -> None:
        if front.data is None:
            return
        self.result.source_map.update(front.source_map)
        subschema = properties(self.schema).get(FRONT_MATTER, {})
        self.result.instance[FRONT_MATTER] = self._known_keys(front.data, subschema, "/" + FRONT_MATTER)

    def _known_keys(self, data: JSON, subschema: Schema, pointer: str) -> JSON:
        if not isinstance(data, dict) or kind(subschema) != "group":
            return data
        known = properties(subschema)
        kept: dict[str, JSON] = {}
        for key, value in data.items():
            if key in known:
                kept[key] = self._known_keys(value, known[key], f"{pointer}/{key}")
            else:
                line, column = self.result.source_map.get(f"{pointer}/{key}", (1, 1))
                self.unplaced(pointer, Unplaced(key, line, column, "key"))
        return kept

    # Sections -----------------------------------------------------------------------------------

    def preamble(self) -> None:
        self.not_read(
            [b for b in self.document.preamble if not (b.kind == "heading" and b.level == 1)],
            "before the first section",
            "Only the '# ' title goes above the first '## ' section: move the {noun} into the "
            "section it belongs to, or delete the {noun}.",
        )

    def sections(self) -> None:
        section_schemas = {k: s for k, s in properties(self.schema).items() if k != FRONT_MATTER}
        by_title = {normalise(title_of(s, k)): k for k, s in section_schemas.items()}
        first_seen: dict[str, Section] = {}
        for section in self.document.sections:
            key = by_title.get(normalise(section.title))
            if key is None:
                self.unplaced("", Unplaced(section.title, section.line, 1, "section"))
                continue
            if key in first_seen:
                self.diagnose(
                    "HO302", section.line, 1,
                    f"'{section.title}' is given twice (first on line {first_seen[key].line})",
                    "Merge the two sections into one; Delivery cannot tell which one is true.",
                )
                continue
            first_seen[key] = section
            pointer = f"/{key}"
            self.result.source_map[pointer] = (section.line, 1)
            subschema = section_schemas[key]
            if kind(subschema) == "group":
                self.result.instance[key] = self._group(section, subschema, pointer)
            else:
                blocks = section.blocks + [b for sub in section.subsections for b in sub.blocks]
                self.result.instance[key] = self._value(blocks, subschema, pointer)

    def _group(self, section: Section, subschema: Schema, pointer: str) -> dict[str, JSON]:
        fields = properties(subschema)
        by_title = {normalise(title_of(s, k)): k for k, s in fields.items()}
        value: dict[str, JSON] = {}
        first_line: dict[str, int] = {}

        def place(key: str | None, text: str, line: int, column: int, what: str) -> bool:
            if key is None:
                self.unplaced(pointer, Unplaced(text, line, column, what))
                return False
            if key in first_line:
                self.diagnose(
                    "HO302", line, column,
                    f"{title_of(subschema, '')}: '{text}' is given twice (first on line {first_line[key]})",
                    "Keep one of the two and merge what they say.",
                )
                return False
            first_line[key] = line
            self.result.source_map[f"{pointer}/{key}"] = (line, column)
            return True

        for block in section.blocks:
            if block.kind in _LISTS:
                for item in block.children:
                    label, rest, column = self._label(item)
                    if label is None:
                        label, rest = self._plain_label(item, rest, column, by_title, subschema)
                    if label is None:
                        self.diagnose(
                            "HO309", item.line, column,
                            f"{title_of(subschema, '')}: a bullet without a bold label is not read",
                            "Start the bullet with its label in bold: - **Label:** value.",
                        )
                        continue
                    key = by_title.get(normalise(label))
                    if place(key, label, item.line, column, "label"):
                        assert key is not None
                        value[key] = self._labelled(item, rest, fields[key], f"{pointer}/{key}")
            elif block.kind == "table":
                self.diagnose(
                    "HO309", block.line, 1,
                    f"{title_of(subschema, '')}: a table needs a '### Title' heading above it to be read",
                    "Put the table under a '### ' heading naming the item, e.g. '### Cohorts'.",
                )
            else:
                self.not_read(
                    [block], title_of(subschema, ""),
                    "Only labelled bullets are read: put the text in the item it belongs to "
                    "('- **Label:** ...'), or delete the {noun}.",
                )
        for sub in section.subsections:
            key = by_title.get(normalise(sub.title))
            if place(key, sub.title, sub.line, 1, "subsection"):
                assert key is not None
                value[key] = self._value(sub.blocks, fields[key], f"{pointer}/{key}")
        return value

    def _label(self, item: Block) -> tuple[str | None, str, int]:
        text = item_text(self.document, item)
        column = self.first_column(item.line)
        match = _LABEL.match(text)
        if not match:
            return None, text, column
        label = (match.group("bold") or match.group("under") or "").strip().rstrip(":").strip()
        return label, text[match.end():].strip(), column

    def _plain_label(self, item: Block, text: str, column: int, by_title: dict[str, str],
                     subschema: Schema) -> tuple[str | None, str]:
        """A label written without bold (pasted from Word, which drops it): 'Legal name: Acme'.
        Read as the label when it is exactly one of the section's, and reported with the fix."""
        match = _PLAIN_LABEL.match(text)
        if match is None or normalise(match.group("label")) not in by_title:
            return None, text
        label = match.group("label").strip()
        self.result.diagnostics.append(diagnostic(
            self.path, item.line, column, "HO309",
            f"{title_of(subschema, '')}: the label '{label}' is not in bold; it is read as the label, "
            "but every other Markdown tool shows it as plain text",
            f"Put the label in bold: - **{label}:** ...",
            Fix(f"Put '{label}:' in bold", (Edit(item.line, column, match.group(0), f"**{label}:**"),))))
        return label, text[match.end():].strip()

    def _labelled(self, item: Block, rest: str, subschema: Schema, pointer: str) -> JSON:
        value_kind = kind(subschema)
        if value_kind == "list":
            nested = [child for child in item.children if child.kind in _LISTS]
            if nested:
                self._beside_nested(item, title_of(subschema, ""))
                return self._items(nested, pointer)
            return [rest.strip()] if rest.strip() else []
        if value_kind == "table":
            self.diagnose(
                "HO309", item.line, 1,
                f"'{title_of(subschema, '')}' is a table: write it under a "
                f"'### {title_of(subschema, '')}' heading",
                f"Replace the bullet with a heading '### {title_of(subschema, '')}' and a table below it.",
            )
            return []
        line_text = self.document.source(item.line, item.line)[0]
        first_value = rest.split("\n", 1)[0]
        column = line_text.find(first_value) + 1 if first_value and first_value in line_text else 1
        self.result.source_map[pointer] = (item.line, max(column, 1))
        return coerce(rest, subschema)

    def _beside_nested(self, item: Block, title: str) -> None:
        """A list item's entries are its nested bullets: text after the label or between the
        bullets is not read."""
        hint = f"Write each entry of '{title}' as a nested bullet under the label, or delete the {{noun}}."
        first = item_text(self.document, item).split("\n", 1)[0]
        label = _LABEL.match(first)
        lead_in = first[label.end():] if label else ""
        if lead_in.strip():
            line_text = self.document.source(item.line, item.line)[0]
            self.diagnose(
                "HO309", item.line, line_text.rindex(lead_in) + 1,
                f"'{title}': the text after the label is not read; only the nested bullets are",
                hint.replace("{noun}", "text"),
            )
        self.not_read([c for c in item.children[1:] if c.kind not in _LISTS], f"'{title}'", hint)

    def _items(self, lists: list[Block], pointer: str) -> list[JSON]:
        values: list[JSON] = []
        for block in lists:
            for item in block.children:
                self.result.source_map[f"{pointer}/{len(values)}"] = (item.line, self.first_column(item.line))
                values.append(item_text(self.document, item))
        return values

    def _value(self, blocks: list[Block], subschema: Schema, pointer: str) -> JSON:
        value_kind = kind(subschema)
        title = title_of(subschema, "")
        if value_kind == "table":
            tables = [b for b in blocks if b.kind == "table"]
            for extra in tables[1:]:
                self.diagnose(
                    "HO309", extra.line, 1,
                    f"'{title}' takes one table; this second table is not read",
                    "Merge the rows into the first table.",
                )
            others = [b for b in blocks if b.kind != "table"]
            if others:
                cells = properties(subschema.get("items", {}))
                columns = " | ".join(title_of(s, k) for k, s in cells.items())
                self.not_read(
                    others, f"'{title}'",
                    f"Only the table is read: write each entry as a row (| {columns} |), or delete the "
                    "{noun}.",
                )
            return self._table(tables[0], subschema, pointer) if tables else []
        if value_kind == "list":
            # Bullets are the entries; without any, each paragraph or quote is one.
            entry_kinds = _LISTS if any(b.kind in _LISTS for b in blocks) else ("paragraph", "blockquote")
            entries = [b for b in blocks if b.kind in entry_kinds]
            self.not_read(
                [b for b in blocks if b.kind not in entry_kinds], f"'{title}'",
                "Only the bullets are read: write each entry as a bullet ('- ...'), or delete the {noun}.",
            )
            if entry_kinds is _LISTS:
                return self._items(entries, pointer)
            for index, paragraph in enumerate(entries):
                self.result.source_map[f"{pointer}/{index}"] = (paragraph.line, 1)
            return [block_text(self.document, p) for p in entries]
        text = "\n\n".join(block_text(self.document, b) for b in blocks if b.kind != "html_block")
        return coerce(text, subschema)

    def _table(self, table: Block, subschema: Schema, pointer: str) -> list[JSON]:
        assert table.header is not None
        columns_schema = properties(subschema.get("items", {}))
        by_title = {normalise(title_of(s, k)): k for k, s in columns_schema.items()}
        self.result.table_headers[pointer] = (table.header.line, 1)
        keys: list[str | None] = []
        for cell in table.header.cells:
            key = by_title.get(normalise(cell.text))
            if key is None or key in keys:
                self.unplaced(pointer, Unplaced(cell.text, table.header.line, cell.column, "column"))
                keys.append(None)
            else:
                keys.append(key)
        self.result.columns[pointer] = {key for key in keys if key}
        title = title_of(subschema, "")
        return [self._row(row, keys, columns_schema, f"{pointer}/{index}", len(table.header.cells), title)
                for index, row in enumerate(table.rows)]

    def _row(self, row: Row, keys: list[str | None], columns: dict[str, Schema], pointer: str,
             width: int, title: str) -> dict[str, JSON]:
        self.result.source_map[pointer] = (row.line, 1)
        if len(row.cells) != width:
            self.result.incomplete_rows.add(pointer)
            tabs = "\t" in self.document.source(row.line, row.line)[0]
            count = f"{len(row.cells)} cell{'' if len(row.cells) == 1 else 's'}"
            self.diagnose(
                "HO306", row.line, row.cells[-1].column if row.cells else 1,
                f"'{title}': this row has {count} but the table has {width} columns"
                + (" (some cells are separated by tabs, as pasted from a spreadsheet)" if tabs else ""),
                ("Separate every cell with ' | ', not a tab; " if tabs else "")
                + "give every row one cell per column; leave a cell empty as '| |' only where the column "
                "is optional.",
            )
        values: dict[str, JSON] = {}
        # A short row's missing cells were reported above; an over-long row's extras have no column.
        for key, cell in zip(keys, row.cells, strict=False):
            if key is None:
                continue
            self.result.source_map[f"{pointer}/{key}"] = (row.line, cell.column)
            values[key] = coerce(cell.text, columns[key])
        return values


def coerce(text: str, subschema: Schema) -> JSON:
    """Turn written text into the schema's type where it reads as one; otherwise leave it as text."""
    text = text.strip()
    schema_type = subschema.get("type")
    if schema_type in ("integer", "number") and _NUMBER.match(text):
        return int(text.replace(",", ""))
    choices = subschema.get("enum")
    if isinstance(choices, list):
        return canonical_choice(text, [c for c in choices if isinstance(c, str)])
    if subschema.get("format") == "email":
        # The address is the value; the name is what the row's Name column says.
        named = _NAMED_ADDRESS.fullmatch(text)
        if named:
            return named.group("address") or named.group("linked")
    return text


def canonical_choice(text: str, choices: list[str]) -> str:
    """The listed choice a value means, ignoring case, punctuation variants and a parenthetical,
    or for which it is a common synonym ('Medium' for 'Med')."""
    wanted = normalise(text)
    for choice in choices:
        if normalise(choice) == wanted:
            return choice
    short = [c for c in choices if normalise(_PARENTHETICAL.sub("", c)) == wanted]
    if len(short) == 1:
        return short[0]
    return synonym_choice(text, choices) or text


def extract(path: str, document: Document, front: FrontMatter, schema: Schema) -> Extraction:
    extractor = _Extractor(path, document, schema)
    extractor.result.last_line = document.last_content_line
    extractor.front_matter(front)
    extractor.preamble()
    extractor.sections()
    extractor.result.diagnostics += pasted.findings(path, document)
    if document.too_deep_line is not None:
        extractor.diagnose(
            "HO310", document.too_deep_line, 1,
            "content is nested too deeply here: the rest of the doc cannot be read",
            "Flatten the nested lists or quotes to a few levels.",
        )
    return extractor.result


def iter_strings(value: object, pointer: str, keys: bool = False) -> Iterator[tuple[str, str]]:
    """Every string in an instance with its JSON pointer; with keys, each mapping's string keys too
    (under the pointer of their value)."""
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from iter_strings(child, f"{pointer}/{key}", keys)
            if keys:
                yield from iter_strings(key, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from iter_strings(child, f"{pointer}/{index}", keys)


def iter_pointer_parents(pointer: str) -> Iterator[str]:
    """'/a/b/c', '/a/b', '/a', '': the pointer and each of its parents, nearest first."""
    while True:
        yield pointer
        if not pointer:
            return
        pointer = pointer.rsplit("/", 1)[0]
