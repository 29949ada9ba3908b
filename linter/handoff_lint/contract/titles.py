"""Titles as the contract matches them: headings, labels, columns and choices, whatever their case,
spacing, quotes or dashes, with the near misses and synonyms a writer means."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SINGLE_QUOTES = re.compile(r"[\u2018\u2019\u201b\u0060\u00b4]")
_DOUBLE_QUOTES = re.compile(r"[\u201c\u201d\u201f]")
_SPACE = re.compile(r"\s+")
_AROUND_JOINER = re.compile(r"(?<!\s)\s*([-/&])\s*")  # starts where a run of spaces starts: linear


@lru_cache(maxsize=4096)
def normalise(title: str) -> str:
    """The form titles are matched in: case, white space (also around '/', '&' and dashes), quotes
    and the kind of dash do not matter."""
    # Cached: every doc repeats the same headings, labels and column names.
    text = _DASHES.sub("-", title.casefold())
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _SPACE.sub(" ", text).strip().rstrip(":.").strip()
    return _AROUND_JOINER.sub(r"\1", text)


def closest(text: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate a near-miss was probably meant to be, compared in normalised form."""
    by_normal = {normalise(candidate): candidate for candidate in candidates}
    import difflib  # only a doc with a near miss needs it; kept off the start-up path

    matches = difflib.get_close_matches(normalise(text), list(by_normal), n=1, cutoff=cutoff)
    return by_normal[matches[0]] if matches else None


# Words that mean a choice without sharing its spelling: read as the choice, as a different case
# is ("Medium" is "Med" as "high" is "High"), so a near miss is accepted or refused the same way
# everywhere.
_SYNONYMS = {"medium": "med", "moderate": "med", "mid": "med", "middle": "med", "m": "med",
             "h": "high", "hi": "high", "l": "low", "lo": "low"}


def synonym_choice(text: str, choices: Iterable[str]) -> str | None:
    """The choice a common synonym stands for ("Medium" for "Med"), or None."""
    by_normal = {normalise(choice): choice for choice in choices}
    synonym = _SYNONYMS.get(normalise(text))
    return by_normal.get(synonym) if synonym else None


def known_choice(text: str, choices: Iterable[str]) -> str | None:
    """The choice a written value means for certain: a common synonym ("Medium" for "Med") or
    the one choice it abbreviates or spells out."""
    by_normal = {normalise(choice): choice for choice in choices}
    written = normalise(text)
    synonym = synonym_choice(text, choices)
    if synonym is not None:
        return synonym
    if len(written) >= 3:
        starts = [c for n, c in by_normal.items() if written.startswith(n) or n.startswith(written)]
        if len(starts) == 1:
            return starts[0]
    return None
