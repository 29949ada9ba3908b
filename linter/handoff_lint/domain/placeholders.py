"""Words that stand in for a value not known yet, however they are spelt: 'TBC', 't.b.c.', 'To
follow', 'Pending', '??', 'Sarah to confirm', 'Awaiting details from client'.

Where the words stand decides: 'TBD' and its kin are never a value wherever they are; the other
words ('pending', 'awaiting', 'to follow') are a placeholder only when the value holds nothing
else but filler ('Pending confirmation'), so 'Pending renewal of the framework' in a risk is
prose. A firm adds its own words in [tool.handoff] placeholder_words.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Never a value, wherever they stand: template words and their dotted spellings, and a run of
# question marks standing alone.
STRONG = re.compile(
    r"\b(?:TBD|TBC|TBA|TODO|FIXME|X{3,})\b"
    r"|(?<![\w.])t\.\s?b\.\s?[acd]\b\.?"
    r"|(?<!\S)\?{2,}(?!\S)",
    re.IGNORECASE,
)
# A placeholder when the value is only these (and filler). Each is a phrase of words.
DEFAULT_WORDS = (
    "tbd", "tbc", "tba", "todo", "fixme", "xxx", "to be confirmed", "to be decided", "to be agreed",
    "to be advised", "to be announced", "to be determined", "to follow", "to confirm", "to advise",
    "to come", "pending", "awaiting", "waiting for", "waiting on", "unknown", "not known",
    "not known yet", "not yet known", "unconfirmed", "not confirmed", "not confirmed yet",
    "not yet confirmed", "n/k", "tk", "?",
)
# What may stand around the words without saying anything: what is awaited, from whom, and when.
FILLER = frozenset({
    "a", "an", "the", "to", "be", "of", "on", "from", "by", "with", "for", "at", "in", "and", "or",
    "yet", "still", "currently", "until", "till", "as", "soon", "possible", "asap", "this", "that",
    "it", "its", "time", "point", "stage", "moment", "them", "they", "their", "our", "we", "us", "name",
    "names", "date", "dates", "number", "numbers", "detail", "details", "info", "information", "value",
    "figure", "amount", "email", "e-mail", "address", "phone", "contact", "contacts", "reference",
    "ref", "client", "client's", "customer", "customer's", "sponsor", "sponsor's", "team", "hr",
    "procurement", "finance", "confirmation", "confirm", "confirmed", "response", "reply", "feedback",
    "input", "approval", "sign-off", "signoff", "po", "purchase", "order", "invoice",
})
# 'Sarah to confirm': a few words naming who, then the words that say the value is to come.
_WHO_TO_CONFIRM = 3
_TRAILING = (("to", "confirm"), ("to", "follow"), ("to", "advise"), ("to", "be", "confirmed"),
             ("to", "come"), ("tbc",), ("tbd",), ("tba",))
_DOTTED = re.compile(r"(?<![\w.])((?:\w\.\s?){2,})")
_WORD = re.compile(r"[\w'/-]+|\?+")
MAX_VALUE = 160


def strong(text: str) -> list[re.Match[str]]:
    """Every word in text that is never a value (TBD, t.b.c., ??), wherever it stands."""
    return list(STRONG.finditer(text))


@lru_cache(maxsize=32)
def _phrases(extra: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    words = {tuple(_words(phrase)) for phrase in (*DEFAULT_WORDS, *extra)}
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def _words(text: str) -> list[str]:
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", "").replace(" ", ""), text.casefold())
    return _WORD.findall(text)


def whole_value(text: str, extra: tuple[str, ...] = ()) -> str | None:
    """The placeholder words text consists of, as listed ('to follow'), when it holds nothing
    else but filler; None when it says something."""
    if len(text) > MAX_VALUE:
        return None
    words = _words(text)
    if not words:
        return None
    trailing = next((t for t in _TRAILING if tuple(words[-len(t):]) == t), None)
    if trailing and len(words) - len(trailing) <= _WHO_TO_CONFIRM:
        return " ".join(trailing)  # 'Sarah to confirm', 'Venue TBC'
    phrases = _phrases(extra)
    found: list[str] = []
    index = 0
    while index < len(words):
        phrase = next((p for p in phrases if tuple(words[index:index + len(p)]) == p), None)
        if phrase is not None:
            found.append(" ".join(phrase))
            index += len(phrase)
        elif words[index] in FILLER or set(words[index]) == {"?"}:
            index += 1
        else:
            return None
    if not found and all(set(w) == {"?"} for w in words):
        return "?"
    return found[0] if found else None


@lru_cache(maxsize=32)
def _keys(extra: tuple[str, ...]) -> tuple[str, ...]:
    """One word of each phrase that any value holding the phrase holds too: its longest."""
    return tuple({max(phrase, key=len) for phrase in _phrases(extra)} | {"t.b", "t. b"})


def may_hold(text: str, extra: tuple[str, ...] = ()) -> bool:
    """A cheap test that text may hold a placeholder: false for most values and lines."""
    folded = text.casefold()
    return "?" in text or any(key in folded for key in _keys(extra))
