"""Text pasted where the format has a structure: a table that lost its pipes, a number broken across
lines. Reported where it is, with the fix that rebuilds it when the text allows one."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_lint.codes import diagnostic
from handoff_lint.diagnostics import Diagnostic, Edit, Fix
from handoff_lint.reading.document import Document, Pasted


def _heading_above(document: Document, line: int) -> str:
    """The title of the section or subsection a line is in ('' above the first section)."""
    title = ""
    for section in document.sections:
        if section.line > line:
            break
        title = section.title
        for sub in section.subsections:
            if sub.line > line:
                break
            title = sub.title
    return title


def _pasted_number(path: str, document: Document, item: Pasted, where: str, first: bool) -> Diagnostic:
    """A numbered line Markdown does not take for a list item, and the edits that make it one:
    '(1)' written '1.', no-break spaces after the number a plain one, and, because only a list
    starting at 1 may interrupt a paragraph, a blank line before the first of the numbered lines."""
    symbol = item.symbol
    number = symbol.strip("()").rstrip(".)")
    plain = f"{number}." if symbol.startswith("(") else symbol
    edits = []
    if plain != symbol or item.marker != symbol:
        new = plain if item.marker == symbol else f"{plain} "
        edits.append(Edit(item.line, item.column, item.marker, new))
    if item.continues and first:
        above = document.as_written(item.line - 1)
        edits.append(Edit(item.line - 1, len(above) + 1, "", "\n"))
    if item.continues:
        message = f"'{symbol}' continues the paragraph above, so Markdown does not take it for a list item"
        hint = "Put a blank line before the first numbered line, so the numbered lines are a list."
    elif plain != symbol:
        message = f"'{symbol}' is not a Markdown list number"
        hint = f"Number the item '{plain} ' instead of '{symbol} '."
    else:
        message = f"'{symbol}' is followed by no-break spaces, so Markdown does not take it for a list item"
        hint = f"Put one plain space after '{symbol}'."
    if plain != symbol and item.continues:
        hint += f" Number it '{plain} ' instead of '{symbol} '."
    return diagnostic(path, item.line, item.column, "HO311", f"{where}{message}; it is read as one", hint,
                      Fix("Make the numbered line a list item", tuple(edits)) if edits else None)


def _as_row(line: int, text: str) -> list[Edit]:
    """Edits that make a tab-separated line a table row: '| a | b |' (a tab at the end, as a
    spreadsheet copies an empty last cell, stays a cell: '| a | b |  |')."""
    indent = len(text) - len(text.lstrip())
    body = text.rstrip(" \r")
    edits = [Edit(line, indent + 1, "", "| "), Edit(line, len(body) + 1, "", " |")]
    return edits + [Edit(line, column + 1, "\t", " | ")
                    for column, character in enumerate(body) if character == "\t" and column >= indent]


def _pasted_table(path: str, document: Document, item: Pasted, where: str) -> Diagnostic:
    """Rows pasted from a spreadsheet as a paragraph: the fix makes them a table with the first
    line as its header, which only the writer can confirm (unsafe)."""
    lines = range(item.line, item.last_line + 1)
    edits = [edit for line in lines
             for edit in _as_row(line, document.as_written(line))]
    columns = len(item.written.strip(" \r").split("\t"))
    header_end = len(item.written.rstrip(" \r")) + 1
    edits = [e for e in edits if not (e.line == item.line and e.column == header_end and e.old == "")]
    edits.append(Edit(item.line, header_end, "", " |\n" + "|---" * columns + "|"))
    return diagnostic(
        path, item.line, item.column, "HO312",
        f"{where}these {len(lines)} lines are separated by tabs, as pasted from a spreadsheet; they are "
        "not a table, so they are not read",
        "Make them a table: start and end each line with '|', put ' | ' between cells, and put a "
        "line '|---|---|' (one '---' per column) under the header.",
        Fix("Make the lines a table, the first line its header", tuple(edits), safe=False))


def findings(path: str, document: Document) -> Iterator[Diagnostic]:
    """Each pasted bullet, number or tab-separated row (Document.pasted), with its fix."""
    numbered_runs: set[int] = set()
    for item in document.pasted:
        text = item.written
        place = _heading_above(document, item.line)
        where = f"'{place}': " if place else ""
        if item.kind == "bullet":
            new = "-" if item.marker == item.symbol else "- "
            yield diagnostic(
                path, item.line, item.column, "HO311",
                f"{where}'{item.symbol}' is a bullet pasted from another program; it is read as a list "
                "item, but Markdown shows these lines run together as one paragraph",
                f"Start the line with '- ' instead of '{item.symbol} '.",
                Fix(f"Replace '{item.symbol}' with '-'", (Edit(item.line, item.column, item.marker, new),)))
        elif item.kind == "number":
            yield _pasted_number(path, document, item, where, item.line - 1 not in numbered_runs)
            numbered_runs.add(item.line)
        elif item.kind == "table":
            yield _pasted_table(path, document, item, where)
        else:
            cells = len(text.strip(" \r").split("\t"))
            yield diagnostic(
                path, item.line, item.column, "HO312",
                f"{where}this table row is separated by tabs, as pasted from a spreadsheet; it is read as "
                f"{cells} cells, but Markdown shows it as one",
                "Separate the cells with ' | ' and start and end the row with '|'.",
                Fix("Replace each tab with ' | ' and put '|' at both ends",
                    tuple(_as_row(item.line, text))))
