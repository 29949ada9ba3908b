"""HO106: characters nobody sees (zero-width, bidi controls, fillers) and control characters, in the
text as written and in front matter values, where a YAML escape such as "\\u200b", "\\e" or "\\n" spells
what the file itself does not show."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from handoff_lint.codes import diagnostic
from handoff_lint.contract.extract import iter_strings
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.reading.characters import describe, hidden
from handoff_lint.reading.frontmatter import FrontMatter

_HINT = ("Delete the character: retype the value, or paste it as plain text. It hides or reorders "
         "what a reader sees, or would reach a terminal or an e-mail header.")


# An HTML entity, which the site decodes: `&#x202E;` is a bidi override on the page.
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")


def _hidden_entity(line: str) -> tuple[int, str] | None:
    """The offset and character of the first entity in line (outside code spans, which show it
    as written) that spells a hidden character."""
    if "&" not in line:
        return None
    from handoff_lint.rules.playbook.hygiene import without_code_spans  # only for a line with an entity

    for match in _ENTITY.finditer(without_code_spans(line)):
        characters = hidden(html.unescape(match.group()))
        if characters:
            return match.start(), characters[0][1]
    return None


def check(path: str, text: str, front: FrontMatter) -> Iterator[Diagnostic]:
    """One finding per line that holds a hidden character, and per front matter value that does."""
    reported: set[int] = set()  # lines with a finding already: one per line
    if not text.isascii() and hidden(text):
        for number, content in enumerate(text.split("\n"), 1):
            characters = hidden(content)
            if characters:
                offset, char = characters[0]
                reported.add(number)
                yield diagnostic(path, number, offset + 1, "HO106",
                                 f"this line holds an invisible {describe(char)}", _HINT)
    if "&" in text:
        for number, content in enumerate(text.split("\n"), 1):
            entity = None if number in reported else _hidden_entity(content)
            if entity is not None:
                offset, char = entity
                reported.add(number)
                yield diagnostic(path, number, offset + 1, "HO106",
                                 f"this line holds an invisible {describe(char)}, written as an HTML "
                                 "entity", _HINT)
    for pointer, value in iter_strings(front.data, "/front_matter", keys=True) if front.data else ():
        # Line breaks too: every front matter value is one line, and a YAML "\n" in a name would
        # put a line of its own into an e-mail's headers.
        characters = hidden(value) or [(i, c) for i, c in enumerate(value) if c in "\n\t"][:1]
        line, column = front.source_map.get(pointer, (1, 1))
        if characters and line not in reported:
            reported.add(line)
            yield diagnostic(
                path, line, column, "HO106",
                f"front matter '{pointer.removeprefix('/front_matter/').replace('/', '.')}' holds "
                f"{describe(characters[0][1])}, written as a YAML escape", _HINT)
