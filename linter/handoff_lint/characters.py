"""What a reader sees in a value: invisible, bidi, blank-looking and look-alike characters seen through.

A check that looks for "TBD" or an empty value must not be evaded by "T\u200bBD", by fullwidth or
Cyrillic letters, by `&lt;client name&gt;`, or by a value made only of characters that show as
nothing. Characters are classed by their Unicode properties (through the regex library), not by a
list of examples; look-alikes come from Unicode's confusables data (confusable-homoglyphs).
"""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

import regex

# Shown as nothing, or acting on the text around them: default-ignorable code points (zero-width
# characters, fillers such as U+3164 and U+115F, variation selectors, tag characters), format
# characters (bidi controls included), control characters other than tab and line feed, line and
# paragraph separators, and code points with no character (unassigned, surrogates). Private-use
# characters are not among them: they show (Word pastes its symbol-font bullet as U+F0B7, which
# HO311 reads as a bullet).
_HIDDEN = regex.compile(
    r"[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}\p{Cn}\p{Cs}[\p{Cc}--[\t\n]]]", regex.V1
)
# An emoji may carry a variation selector or be joined to the next one; those are not hidden text.
_EMOJI_PART = regex.compile(r"(?<=\p{Extended_Pictographic}[\uFE0E\uFE0F]?)[\u200D\uFE0E\uFE0F]")
# Characters that show as white space without being one to str.strip(): every space separator,
# the braille blank U+2800, and the hidden characters above.
_BLANK = regex.compile(r"[\p{Zs}\s\u2800]")
# Letters and symbols of a script other than Latin: the only ones the confusables map can turn
# into ASCII after NFKC, so text without them never pays for loading it.
_OTHER_SCRIPT = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]")
_MARKS = regex.compile(r"\p{M}")
# A right-to-left override shows the text after it reversed, up to its pop (or the line's end).
_OVERRIDDEN = regex.compile(r"\u202e([^\u202c\u2069\n]*)")


def hidden(text: str) -> list[tuple[int, str]]:
    """Each hidden character in text as (offset, character); emoji joiners and selectors excepted."""
    if not _HIDDEN.search(text):
        return []
    return [(match.start(), match.group()) for match in _HIDDEN.finditer(text)
            if not _EMOJI_PART.match(text, match.start())]


def describe(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE': how a message names a character nobody can see."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def is_blank(text: str) -> bool:
    """Whether text shows as nothing: empty, or only spaces, blank and hidden characters."""
    if text.strip() == "":
        return True
    if text.isascii():
        return False
    return _BLANK.sub("", _HIDDEN.sub("", text)) == ""


@lru_cache(maxsize=1)
def _to_ascii() -> dict[int, str]:
    """Each non-ASCII character Unicode lists as confusable with one ASCII character, mapped to it."""
    from confusable_homoglyphs.confusables import confusables_data  # 9,600 entries: loaded on need

    found: dict[int, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        ascii_forms = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii()
                       and h["c"].isprintable()]
        if ascii_forms:
            found[ord(char)] = ascii_forms[0]
    return found


def skeleton(text: str) -> str:
    """text as it reads: entities decoded, compatibility forms folded (NFKC: fullwidth, ligatures,
    mathematical letters), hidden characters and combining marks dropped, and letters of other
    scripts that look like ASCII replaced by it. For finding template text; never shown."""
    if text.isascii() and "&" not in text:
        return text
    shown = _OVERRIDDEN.sub(lambda match: match.group(1)[::-1], text)
    folded = unicodedata.normalize("NFKC", html.unescape(shown))
    folded = _HIDDEN.sub("", folded)
    if folded.isascii():
        return folded
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", folded))
    if _OTHER_SCRIPT.search(folded):
        folded = folded.translate(_to_ascii())
    return unicodedata.normalize("NFKC", folded)


def blanks_emptied(value: object) -> object:
    """value with every string that shows as nothing replaced by "", in lists and mappings too, so
    the schema's checks for an empty value (and every rule reading the value) see it as empty."""
    if isinstance(value, str):
        return "" if value and is_blank(value) else value
    if isinstance(value, dict):
        return {key: blanks_emptied(child) for key, child in value.items()}
    if isinstance(value, list):
        return [blanks_emptied(child) for child in value]
    return value
