"""The `handoff new` template: generated from the schema, it fails the linter exactly where the AE
still has to write something, and passes once those places are filled in."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from conftest import EXAMPLES, REPO, check_doc, line_of, site_markdown
from handoff_lint.contract.config import Config
from handoff_lint.contract.formats import format_checker
from handoff_lint.contract.schema import kind, load_schema, properties, title_of
from handoff_lint.contract.template import render
from handoff_lint.contract.titles import normalise
from handoff_lint.engine.check import check_text
from handoff_lint.reading.document import parse as parse_markdown
from handoff_lint.reading.frontmatter import parse as parse_front_matter
from handoff_lint.rules.paths import doc_path
from jsonschema import Draft202012Validator

SCHEMA = load_schema()
FRONT = properties(SCHEMA)["front_matter"]
ACME = ("acme-widgets", "Acme Widgets Ltd", "2026-11-24")
ACME_PATH = doc_path("clients", *ACME[:1], ACME[2])
SPONSORS = ("Exec sponsor", "HR sponsor (primary contact)")

NOTE = '[//]: # "'
_FRONT_KEY = re.compile(r"^(?P<indent>\s*)(?P<comment># )?(?P<key>[a-z_]+):(?P<value>.*)$")
_EMPTY_BULLET = re.compile(r"^- \*\*(?P<label>[^*]+):\*\*$")


def lint_template(text: str, relative: PurePosixPath = ACME_PATH, config: Config | None = None) -> list[Any]:
    return check_doc(text, relative, config).diagnostics


def accepts_blank(subschema: dict[str, Any]) -> bool:
    return Draft202012Validator(subschema, format_checker=format_checker()).is_valid("")


def expected_findings(text: str, schema: Any = SCHEMA) -> Counter[int]:
    """Line -> how many findings: one per empty front matter key, empty labelled item and empty
    table cell the schema does not accept blank. Worked out from the text, not from the linter."""
    expected: Counter[int] = Counter()
    lines = text.split("\n")
    closing = lines.index("---", 1)
    front = properties(schema)["front_matter"]
    groups = {k for k, s in properties(front).items() if kind(s) == "group"}
    for number, line in enumerate(lines[1:closing], start=2):
        match = _FRONT_KEY.match(line)
        if match and not match["comment"] and not match["value"].strip() and match["key"] not in groups:
            expected[number] += 1
    columns: list[dict[str, Any]] = []
    titles: list[str] = []
    lists = {normalise(title_of(s, k)) for k, s in properties(schema).items() if kind(s) == "list"}
    for number, line in enumerate(lines[closing:], start=closing + 1):
        if line.startswith("## ") and normalise(line[3:]) in lists:
            expected[number] += 1  # a list section starts empty: the heading is where it goes
        elif _EMPTY_BULLET.match(line):
            expected[number] += 1
        elif line.startswith("|") and lines[number].startswith("|---"):
            titles = cells(line)
            columns = [column_schema(schema, title) for title in titles]
        elif line.startswith("|") and not line.startswith("|---"):
            expected[number] += sum(
                1 for cell, subschema in zip(cells(line), columns, strict=True)
                if not cell and not accepts_blank(subschema)
            )
            # The playbook asks for the two sponsors' notes (HO610), though the schema takes a blank.
            row = dict(zip(titles, cells(line), strict=True))
            expected[number] += row.get("Role") in SPONSORS and not row.get("Notes")
    return expected


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def column_schema(schema: Any, title: str) -> dict[str, Any]:
    """The subschema of the table column with this title, wherever the table is."""
    def walk(node: Any) -> Any:
        for subschema in properties(node).values():
            if kind(subschema) == "table":
                for column_key, column in properties(subschema["items"]).items():
                    if normalise(title_of(column, column_key)) == normalise(title):
                        return column
            if kind(subschema) == "group":
                found = walk(subschema)
                if found is not None:
                    return found
        return None
    found = walk(schema)
    assert found is not None, title
    return dict(found)


# Filling in the template, as an AE would, with the facts of an example client ------------------


def fill(template: str, instance: dict[str, Any]) -> str:
    """Write each value of `instance` where the template leaves room for it; items the instance does
    not have (optional ones) are deleted, as the template's guidance says."""
    out: list[str] = []
    lines = template.split("\n")
    closing = lines.index("---", 1)
    parents: list[str] = []
    for line in lines[:closing + 1]:
        match = _FRONT_KEY.match(line)
        if not match:
            out.append(line)
            continue
        depth = len(match["indent"]) // 2
        parents[depth:] = [match["key"]]
        value: Any = instance["front_matter"]
        for key in parents:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, dict):
            out.append(line)
        elif value is not None:
            out.append(f"{match['indent']}{match['key']}: {match['value'].strip() or value}")
    where: list[str] = []  # the keys of the section (and subsection) being written
    table: list[str] | None = None
    for line in lines[closing + 1:]:
        heading = re.match(r"^(#{2,3}) (.*)$", line)
        bullet = _EMPTY_BULLET.match(line)
        if heading:
            depth = len(heading[1]) - 2
            where[depth:] = [key_by_title(subschema_at(where[:depth]), heading[2])]
            out.append(line)
            if kind(subschema_at(where)) == "list":
                out += ["", *(f"- {item}" for item in value_at(instance, where))]
            table = None
        elif bullet:
            value = value_at(instance, [*where, key_by_title(subschema_at(where), bullet["label"])])
            if isinstance(value, list):
                out += [line, *(f"    - {item}" for item in value)]
            elif value is not None:
                head, *rest = str(value).split("\n")
                if head.startswith(">") or rest:  # a quote stays a quote, on its own lines
                    out += [line, *(f"    {part}" for part in [head, *rest])]
                else:
                    out.append(f"{line} {value}")
        elif line.startswith("|---"):
            assert table is not None
            out.append(line)
            columns = subschema_at(where)["items"]
            keys = [key_by_title(columns, title) for title in table]
            out += ["| " + " | ".join(str(row.get(k, "")) for k in keys) + " |"
                    for row in value_at(instance, where)]
        elif line.startswith("|"):
            if table is None:
                table = cells(line)
                out.append(line)
            # the template's empty rows are replaced by the client's rows above
        else:
            out.append(line)
    return "\n".join(out)


def key_by_title(node: Any, title: str) -> str:
    return next(k for k, s in properties(node).items() if normalise(title_of(s, k)) == normalise(title))


def subschema_at(keys: list[str]) -> Any:
    node: Any = SCHEMA
    for key in keys:
        node = properties(node)[key]
    return node


def value_at(instance: dict[str, Any], keys: list[str]) -> Any:
    value: Any = instance
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def example_instance(path: Path) -> dict[str, Any]:
    relative = PurePosixPath(path.relative_to(REPO).as_posix())
    checked = check_text(str(relative), path.read_text("utf-8"), relative, Config(root=REPO))
    assert checked.diagnostics == []
    return checked.instance


# The tests ---------------------------------------------------------------------------------------


def test_a_fresh_doc_fails_only_where_something_is_left_to_fill_in() -> None:
    text = render(SCHEMA, *ACME)
    found = lint_template(text)
    assert Counter(d.line for d in found) == expected_findings(text)
    # "is empty", "needs at least 1 item", and the sponsors' notes the playbook asks for
    assert {d.code for d in found} == {"HO408", "HO308", "HO610"}
    assert all(d.severity.value == "error" for d in found)
    assert len(found) > 50


def test_each_finding_is_on_the_line_of_its_item() -> None:
    text = render(SCHEMA, *ACME)
    found = {(d.line, d.message) for d in lint_template(text)}
    assert (line_of(text, "ae:"), "front matter 'ae' is empty") in found
    assert (line_of(text, "  sow_signed:"), "front matter 'trigger.sow_signed' is empty") in found
    assert (line_of(text, "- **Sector:**"), "Section A — Client basics, Sector is empty") in found
    assert (line_of(text, "- **Red lines:**"),
            "Section C — What they're solving, Red lines needs at least 1 item") in found
    assert (line_of(text, "| Exec sponsor |"),
            "Section B — People, row 'Exec sponsor', Email is empty") in found
    assert (line_of(text, "## Section G"), "Section G — Commitments AE made needs at least 1 item") in found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.parent.name)
def test_filling_in_the_items_makes_it_pass(example: Path) -> None:
    instance = example_instance(example)
    front = instance["front_matter"]
    template = render(SCHEMA, front["slug"], front["client"], front["doc_date"])
    filled = fill(template, instance)
    relative = doc_path("clients", front["slug"], front["doc_date"])
    assert lint_template(filled, relative) == []
    # The sections recorded later (the handoff call, delivery milestones) start empty.
    later = set(properties(SCHEMA)) - set(SCHEMA["required"])
    filled_instance = check_doc(filled, relative).instance
    assert {k: v for k, v in filled_instance.items() if k not in later} == \
        {k: v for k, v in instance.items() if k not in later}
    assert all(filled_instance.get(k) in (None, {}) for k in later)


def test_what_new_knows_is_filled_in_already() -> None:
    text = render(SCHEMA, "acme-widgets", "Acme: Widgets & Sons #1 Ltd", "2026-11-24")
    front = parse_front_matter("doc.md", text)
    assert front.diagnostics == []
    assert front.data is not None
    assert {k: front.data[k] for k in ("client", "slug", "doc_date")} == {
        "client": "Acme: Widgets & Sons #1 Ltd", "slug": "acme-widgets", "doc_date": "2026-11-24"}
    assert "doc_date: 2026-11-24\n" in text
    assert "- **Legal name:** Acme: Widgets & Sons #1 Ltd\n" in text
    assert "# Handoff: Acme: Widgets & Sons #1 Ltd\n" in text


def guidance(text: str) -> str:
    """The guidance the AE reads, as one line: YAML comments and notes, quoting undone."""
    found = []
    for line in text.split("\n"):
        if line.startswith(NOTE) and line.endswith('"'):
            found.append(line[len(NOTE):-1].replace('\\"', '"').replace("\\\\", "\\"))
        elif line.lstrip().startswith("# "):
            found.append(line.lstrip()[2:])
    return " ".join(" ".join(found).split())


def test_guidance_for_every_item_comes_from_the_schema() -> None:
    flat = guidance(render(SCHEMA, *ACME))

    def descriptions(node: Any) -> list[str]:
        found = []
        for subschema in [*properties(node).values(), *([node["items"]] if "items" in node else [])]:
            if "description" in subschema:
                found.append(subschema["description"])
            found += descriptions(subschema)
        return found

    for description in descriptions(SCHEMA):
        assert " ".join(description.split()) in flat, description


def test_optional_items_say_so() -> None:
    text = render(SCHEMA, *ACME)
    assert "# region:\n" in text  # commented out: left as it is, the repo default applies
    assert "Bespoke sign-off reference: Sign-off reference for the bespoke elements" in text
    assert "Delete the row for Champion (if different from sponsor) if it does not apply." in text
    assert text.count("Optional: delete the line if it does not apply.") == 2


def test_people_get_a_row_per_required_role_and_the_optional_champion() -> None:
    text = render(SCHEMA, *ACME)
    roles = [cells(line)[0] for line in text.split("\n") if line.startswith("| ") and "|  |" in line]
    assert roles[:6] == [
        "Exec sponsor", "HR sponsor (primary contact)", "Procurement contact", "Finance / AP contact",
        "IT / comms platform owner", "Champion (if different from sponsor)",
    ]


def test_the_text_is_tidy() -> None:
    text = render(SCHEMA, *ACME)
    assert text == render(SCHEMA, *ACME)
    assert text.endswith('."\n') and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert all(len(line) <= 100 for line in text.split("\n") if not line.startswith("|"))


def test_a_field_added_to_the_schema_appears_in_the_template_and_is_checked(tmp_path: Path) -> None:
    schema = copy.deepcopy(dict(SCHEMA))
    basics = schema["properties"]["client_basics"]
    basics["properties"]["website"] = {
        "title": "Website", "description": "The client's public website.", "type": "string", "minLength": 1}
    basics["required"].append("website")
    people = schema["properties"]["people"]
    people["items"]["properties"]["role"]["enum"].append("Data protection officer")
    people["allOf"].append({"title": "Data protection officer",
                            "contains": {"properties": {"role": {"const": "Data protection officer"}}}})
    people["items"]["properties"]["pronouns"] = {"title": "Pronouns", "type": "string"}
    (tmp_path / "schema.json").write_text(json.dumps(schema), "utf-8")
    config = Config(root=tmp_path, schema="schema.json")

    text = render(schema, *ACME)
    assert "- **Website:**\n" in text
    assert "Website: The client's public website." in text
    assert "| Role | Name | Email | Phone | Notes | Pronouns |" in text
    assert "| Data protection officer |  |  |  |  |  |" in text
    found = lint_template(text, config=config)
    assert Counter(d.line for d in found) == expected_findings(text, schema)
    assert (line_of(text, "- **Website:**"), "Section A — Client basics, Website is empty") in {
        (d.line, d.message) for d in found}


def test_guidance_never_reaches_the_site_or_the_linter(tmp_path: Path) -> None:
    schema = copy.deepcopy(dict(SCHEMA))
    schema["properties"]["commitments"]["description"] = 'Quotes: "We\'ll send it" \\ <b>bold</b> [x](y)'
    text = render(schema, *ACME)
    assert '[//]: # "Quotes: \\"We\'ll send it\\" \\\\ <b>bold</b> [x](y)"' in text
    body = text.split("\n---\n", 1)[1]
    document = parse_markdown(body)
    blocks = [b.kind for section in document.sections for b in section.blocks]
    blocks += [b.kind for section in document.sections for sub in section.subsections for b in sub.blocks]
    assert set(blocks) == {"bullet_list", "table"}  # the notes are no block at all
    page = site_markdown().convert(body)
    assert "[//]" not in page and "Quotes" not in page and "guidance" not in page
    for description in ("Who the client is", "Cohort number or name", "Honest assessment"):
        assert description in text and description not in page


def test_the_sections_recorded_later_are_written_with_guidance_and_no_findings() -> None:
    text = render(SCHEMA, *ACME)
    for heading in ("## Handoff call record", "## Delivery milestones"):
        assert f"\n{heading}\n" in text
    flat = guidance(text)
    assert "Optional when the doc is first written" in flat
    assert "- **Held on:** 2026-11-20." in flat and "- **Week 2 workshop delivered:** 2027-01-25." in flat
    later = line_of(text, "## Handoff call record")
    assert [d for d in lint_template(text) if d.line >= later] == []
