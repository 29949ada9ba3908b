"""Seeing a value as a reader does: hidden, blank-looking, bidi and look-alike characters."""

from __future__ import annotations

import pytest
from handoff_lint.reading.characters import blanks_emptied, describe, hidden, is_blank, skeleton


@pytest.mark.parametrize("text", [
    "T\u200bBD", "TO\u200dDO", "X\u2060XX", "T\ufeffBC", "\u202eDBT\u202c", "\u2067TBD\u2069",
    "ＴＢＤ", "ТВD", "ΤΒD", "Т\u0412D", "ＸＸＸ", "&lt;client name&gt;", "［AM name］", "𝐓𝐁𝐃",
    "T\u0303BD", "TO\u034fDO",
])
def test_the_skeleton_reads_what_the_reader_sees(text: str) -> None:
    assert skeleton(text) in {"TBD", "TODO", "XXX", "TBC", "<client name>", "[AM name]"}


@pytest.mark.parametrize("text", ["Zoë Brontë", "£48,000 — paid", "Łódź depot", "Acme Widgets Ltd"])
def test_real_text_keeps_its_letters(text: str) -> None:
    assert skeleton(text).replace("e", "ë").replace("o", "ó") != "" and "TBD" not in skeleton(text)
    assert hidden(text) == []
    assert not is_blank(text)


@pytest.mark.parametrize("blank", [
    "", " ", "\u200b", "\u00a0", "\u2800", "\u3164", "\u115f", "\u1160", "\uffa0", "\u2060\ufeff",
    "\u3000", "\u202f\u205f", "\u180e", "\u034f", "\ufe0f", "\U000e0020", " \u200b\u00a0 ",
])
def test_values_that_show_as_nothing_are_blank(blank: str) -> None:
    assert is_blank(blank)
    assert blanks_emptied({"a": [blank, "x"]}) == {"a": ["", "x"]}


@pytest.mark.parametrize(("text", "first"), [
    ("a\u200bb", "\u200b"), ("\u202eabc", "\u202e"), ("x\x1b[2J", "\x1b"), ("x\x9b31m", "\x9b"),
    ("a\u2028b", "\u2028"), ("a\U000e0041", "\U000e0041"),
])
def test_hidden_characters_are_found(text: str, first: str) -> None:
    assert hidden(text)[0][1] == first
    assert describe(first).startswith(f"U+{ord(first):04X}")


def test_private_use_characters_show() -> None:
    # Word pastes its symbol-font bullet as U+F0B7: it shows, and HO311 reads it as a bullet.
    assert hidden("\uf0b7\tSend the baseline report") == []


def test_emoji_sequences_are_not_hidden_text() -> None:
    assert hidden("Thanks 👍\ufe0f and 👩\u200d💻 and ❤️") == []
    assert hidden("tab\tand line\nbreaks are text") == []


@pytest.mark.parametrize("text", [
    "T*B*D", "TB*D*", "_TBD_", "T_B_D", "TO*DO*", "**T**BD", "ᴛʙᴅ", "ᴛᴏᴅᴏ", "ᴛʙᴄ", "‹client name›",
    "«client name»", "〈client name〉", "⟨client name⟩", "&#x54;BD", "T&#8203;BD",
])
def test_the_skeleton_sees_through_markup_entities_small_capitals_and_angle_quotes(text: str) -> None:
    assert skeleton(text) in {"TBD", "TODO", "TBC", "<client name>"}


@pytest.mark.parametrize("blank", [
    "&nbsp;", "&#x2800;", "&#x3164;", "&#32;", "` `", "**&#8203;**", "&#x200B;&#xFEFF;", "_&nbsp;_",
])
def test_values_that_show_as_nothing_through_entities_or_markup_are_blank(blank: str) -> None:
    assert is_blank(blank)


@pytest.mark.parametrize("text", ["&amp;", "**x**", "`0`", "R&D", "_a_", "&lt;"])
def test_markup_around_a_value_is_not_blank(text: str) -> None:
    assert not is_blank(text)
