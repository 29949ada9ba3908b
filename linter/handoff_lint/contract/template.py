"""A fill-in handoff doc generated from the schema, so the template can never drift from the contract.

Every section, label, column and front matter key comes from the schema's titles; the guidance next
to each item is the schema's description. Items left to fill in are written empty, because an empty
value is exactly what the linter reports ("... is empty", "needs at least 1 item"), one finding per
item, on the item's own line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from handoff_lint.contract.schema import Schema, kind, properties, title_of
from handoff_lint.domain.records import FRONT_MATTER

_WIDTH = 100
_OPTIONAL_ITEM = "Optional: delete the line if it does not apply."
_OPTIONAL_KEY = "Optional: to set it, remove the # in front of the key."
_OPTIONAL_SECTION = (
    "Optional when the doc is first written. To record an item, add it under this heading as a bullet "
    "like the ones below, without the [//]: # and the quotes."
)
_OPTIONAL_ROWS = "Delete the row for {} if it does not apply."
_HOW = (
    "Fill in every empty item below. Lines starting with # here and with [//]: # further down are "
    "guidance: they never show on the site, so leave them or delete them. `handoff lint` lists what "
    "is left to fill in."
)


def render(schema: Schema, slug: str, client: str, date: str) -> str:
    """The Markdown text of a new handoff doc for one client, dated `date` (YYYY-MM-DD)."""
    prefilled = _prefilled(schema, slug, client, date)
    front = properties(schema).get(FRONT_MATTER, {})
    header = [str(front.get("description", "")), _HOW]
    lines = ["---", *(f"# {line}" for paragraph in header for line in _wrap(paragraph, "# ") if line)]
    lines += [*_front_matter(front, prefilled), "---", ""]
    lines += [f"# Handoff: {client}", ""]
    required = set(schema.get("required", []))
    for key, section in properties(schema).items():
        if key == FRONT_MATTER:
            continue
        lines += _section(key, section, prefilled) if key in required else _optional_section(key, section)
    return "\n".join(lines).rstrip("\n") + "\n"


def _prefilled(schema: Schema, slug: str, client: str, date: str) -> dict[str, str]:
    """What `handoff new` already knows, by JSON pointer; pointers the schema lacks are left out."""
    known = {
        f"/{FRONT_MATTER}/client": client,
        f"/{FRONT_MATTER}/slug": slug,
        f"/{FRONT_MATTER}/doc_date": date,
        "/client_basics/legal_name": client,
    }
    return {pointer: value for pointer, value in known.items() if _exists(schema, pointer)}


def _exists(schema: Schema, pointer: str) -> bool:
    node: Schema = schema
    for part in pointer.strip("/").split("/"):
        if part not in properties(node):
            return False
        node = properties(node)[part]
    return True


def _wrap(text: str, prefix: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH - len(prefix), break_on_hyphens=False) or [""]


def _guidance(subschema: Schema, optional: str = "") -> str:
    description = str(subschema.get("description", "")).strip()
    parts = [description]
    choices = [str(c) for c in subschema.get("enum", [])]
    if choices and not all(choice in description for choice in choices):
        parts.append("One of: " + ", ".join(choices) + ".")
    examples = subschema.get("examples")
    if isinstance(examples, list) and examples:
        parts.append(f"E.g. {examples[0]}.")
    parts.append(optional)
    return " ".join(p for p in parts if p)


# Front matter -----------------------------------------------------------------------------------


def _yaml_scalar(value: str) -> str:
    """A value as the AE would write it: plain (dates unquoted, as the front matter reads them as
    text), quoted only when plain YAML would read something else (a colon, a leading quote, ...)."""
    try:
        node = yaml.compose(f"v: {value}", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        scalar = node.value[0][1]
        if (isinstance(scalar, yaml.ScalarNode) and scalar.value == value and scalar.style is None
                and scalar.tag.rsplit(":", 1)[-1] in ("str", "timestamp") and "#" not in value):
            return value
    return yaml.safe_dump(value, allow_unicode=True, width=1_000_000).removesuffix("\n...\n").strip()


def _front_matter(group: Schema, prefilled: Mapping[str, str], pointer: str = f"/{FRONT_MATTER}",
                  indent: str = "") -> Iterator[str]:
    required = set(group.get("required", []))
    for key, subschema in properties(group).items():
        child = f"{pointer}/{key}"
        optional = key not in required
        guidance = _guidance(subschema, _OPTIONAL_KEY if optional else "")
        yield from (f"{indent}# {line}" for line in _wrap(guidance, indent + "# "))
        if kind(subschema) == "group":
            yield f"{indent}{key}:"
            yield from _front_matter(subschema, prefilled, child, indent + "  ")
        elif child in prefilled:
            yield f"{indent}{key}: {_yaml_scalar(prefilled[child])}"
        else:
            # An optional key stays commented out: an empty value would be reported as missing.
            yield f"{indent}# {key}:" if optional else f"{indent}{key}:"


# Sections ---------------------------------------------------------------------------------------

# A link reference definition is the one Markdown construct that both the linter's parser and the
# site's renderer read as nothing at all: the guidance stays in the file for the AE, never shows on
# the site, and is not raw HTML (which the site prints as text).
_NOTE = '[//]: # "{}"'


def _notes(paragraphs: list[str]) -> list[str]:
    """Guidance as note lines, wrapped; an item's continuation lines are indented."""
    lines: list[str] = []
    width = _WIDTH - len(_NOTE.format(""))
    for paragraph in (p for p in paragraphs if p):
        wrapped = textwrap.wrap(paragraph, width, subsequent_indent="  ", break_on_hyphens=False)
        lines += [_NOTE.format(line.replace("\\", "\\\\").replace('"', '\\"')) for line in wrapped]
    return [*lines, ""] if lines else []


def _item_guidance(title: str, subschema: Schema, optional: bool) -> str:
    return f"{title}: {_guidance(subschema, _OPTIONAL_ITEM if optional else '')}"


def _section(key: str, section: Schema, prefilled: Mapping[str, str]) -> list[str]:
    lines = [f"## {title_of(section, key)}", ""]
    section_kind = kind(section)
    if section_kind == "table":
        return lines + _table_block(section)
    description = str(section.get("description", ""))
    if section_kind != "group":
        return lines + _notes([description])
    fields = properties(section)
    required = set(section.get("required", []))
    # Labelled items first: a '### ' heading starts a subsection, so tables must come last.
    inline = {k: s for k, s in fields.items() if kind(s) != "table"}
    lines += _notes([description, *(
        _item_guidance(title_of(s, k), s, k not in required) for k, s in inline.items())])
    lines += [_bullet(title_of(s, k), prefilled.get(f"/{key}/{k}")) for k, s in inline.items()]
    lines.append("")
    for field_key, table in fields.items():
        if kind(table) == "table":
            lines += [f"### {title_of(table, field_key)}", "", *_table_block(table)]
    return lines


def _optional_section(key: str, section: Schema) -> list[str]:
    """A section recorded later (the handoff call, delivery milestones): its heading and guidance,
    with each item shown as a note. Written as empty items, they would be reported as missing when
    nothing has happened yet."""
    if kind(section) != "group":
        return [f"## {title_of(section, key)}", "", *_notes([str(section.get("description", "")),
                                                              _OPTIONAL_SECTION])]
    fields = properties(section)
    return [f"## {title_of(section, key)}", "", *_notes([
        str(section.get("description", "")), _OPTIONAL_SECTION,
        *(f"- **{title_of(s, k)}:** {_example(s)}. {s.get('description', '')}" for k, s in fields.items()),
    ])]


def _example(subschema: Schema) -> str:
    examples = subschema.get("examples")
    if isinstance(examples, list) and examples:
        return str(examples[0])
    return "one nested bullet each" if kind(subschema) == "list" else "..."


def _bullet(title: str, value: str | None) -> str:
    return f"- **{title}:** {value}" if value else f"- **{title}:**"


def _table_block(table: Schema) -> list[str]:
    """Guidance, the header row, and one row per required entry (or one empty row)."""
    items = table.get("items", {})
    columns = properties(items)
    required_columns = set(items.get("required", []))
    required_rows, optional_rows = _rows(table)
    guidance = [str(table.get("description", ""))]
    if optional_rows:
        guidance.append(_OPTIONAL_ROWS.format(", ".join(" / ".join(row.values()) for row in optional_rows)))
    guidance += [
        _item_guidance(title_of(s, k), s, k not in required_columns)
        for k, s in columns.items() if s.get("description")
    ]
    titles = [title_of(s, k) for k, s in columns.items()]
    lines = [*_notes(guidance), "| " + " | ".join(titles) + " |", "|" + "---|" * len(titles)]
    for row in required_rows + optional_rows or [{}]:
        cells = [row.get(k, "") for k in columns]
        lines.append("|" + "|".join(f" {cell} " if cell else "  " for cell in cells) + "|")
    return [*lines, ""]


def _rows(table: Schema) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The rows the schema requires (its allOf/contains constants), and a row for each other
    choice of the same column (e.g. the optional Champion role)."""
    required = [
        fixed for condition in table.get("allOf", [])
        if (fixed := _constants(condition.get("contains", {})))
    ]
    columns = properties(table.get("items", {}))
    optional: list[dict[str, str]] = []
    for column in sorted({k for row in required for k in row}):
        taken = {row[column] for row in required if column in row}
        choices: list[Any] = list(columns.get(column, {}).get("enum", []))
        optional += [{column: str(choice)} for choice in choices if str(choice) not in taken]
    return required, optional


def _constants(condition: Schema) -> dict[str, str]:
    return {
        key: str(subschema["const"])
        for key, subschema in properties(condition).items()
        if "const" in subschema
    }
