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


# Inline Markdown that changes how text looks but adds no text of its own: emphasis markers, code
# span backticks, and the backslash of an escape ("T*B*D", "`TBD`", "_TBD_" all show TBD).
_EMPHASIS = regex.compile(r"(?<!\\)[*_]")
_MARKUP = regex.compile(r"[*_`]|\\(?=[!-/:-@\[-`{-~])")
_MAY_HOLD_MARKUP_OR_ENTITY = regex.compile(r"[*_`\\&]")


def as_displayed(text: str) -> str:
    """text as the site shows it, for checking a value: HTML entities decoded (`&nbsp;`,
    `&#x3164;`) and inline Markdown markup dropped. Never shown itself."""
    if not _MAY_HOLD_MARKUP_OR_ENTITY.search(text):
        return text
    return html.unescape(_MARKUP.sub("", text))


def is_blank(text: str) -> bool:
    """Whether text shows as nothing: empty, or only spaces, blank and hidden characters, written
    as themselves or as HTML entities, bare or inside markup (`**&#8203;**`, `` ` ` ``)."""
    if text.strip() == "":
        return True
    shown = as_displayed(text)
    if shown.strip() == "":
        return True
    if shown.isascii():
        return False
    return _BLANK.sub("", _HIDDEN.sub("", shown)) == ""


# Quotes and brackets that read as < and > around a placeholder ("‹client name›", "«AM»").
_ANGLE_LIKE = str.maketrans({"\u2039": "<", "\u203a": ">", "\u00ab": "<", "\u00bb": ">",
                             "\u3008": "<", "\u3009": ">", "\u27e8": "<", "\u27e9": ">",
                             "\u300a": "<", "\u300b": ">", "\u2329": "<", "\u232a": ">",
                             "\u276e": "<", "\u276f": ">", "\u2770": "<", "\u2771": ">",
                             "\u29fc": "<", "\u29fd": ">"})
_SMALL_CAPITAL = "LATIN LETTER SMALL CAPITAL "


def _letter_like(text: str) -> dict[int, str]:
    """Latin letters Unicode draws as another letter but NFKC leaves alone: small capitals
    (ᴛʙᴅ reads TBD), named "LATIN LETTER SMALL CAPITAL T"."""
    found: dict[int, str] = {}
    for char in set(text):
        if char.isascii():
            continue
        name = unicodedata.name(char, "")
        if name.startswith(_SMALL_CAPITAL) and len(name) == len(_SMALL_CAPITAL) + 1:
            found[ord(char)] = name[-1]
    return found


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
    """text as it reads: entities decoded and emphasis markers dropped ("T*B*D"), compatibility
    forms folded (NFKC: fullwidth, ligatures, mathematical letters), hidden characters and
    combining marks dropped, small capitals and letters of other scripts that look like ASCII
    replaced by it, and angle-like quotes read as < >. For finding template text; never shown."""
    if text.isascii() and "&" not in text and not _EMPHASIS.search(text):
        return text
    shown = _OVERRIDDEN.sub(lambda match: match.group(1)[::-1], text)
    # Code spans and backslash escapes are kept: the placeholder check reads them itself (a
    # bracket in code, or an escaped one, is written on purpose).
    folded = unicodedata.normalize("NFKC", html.unescape(_EMPHASIS.sub("", shown)))
    folded = _HIDDEN.sub("", folded)
    if folded.isascii():
        return folded
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", folded))
    if not folded.isascii():
        folded = folded.translate(_ANGLE_LIKE).translate(_letter_like(folded)).translate(_to_ascii())
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
