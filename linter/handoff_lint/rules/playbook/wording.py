"""How a doc says "nothing": the explicit 'None' the format asks for, and the vague forms it does not."""

from __future__ import annotations

import re
from functools import lru_cache

_EDGES = " \t\n\"'“”‘’.!*_"
# Compared after the edges are stripped and the case folded.
_VAGUE = frozenset({"n/a", "na", "nil", "nothing", "no", "-", "--", "—", "–", "not applicable"})
# Any figure means something was agreed: "No charge for cohort 2 (£5,000)" is a discount.
_NO_FIGURES = r"[^0-9£$€%]*$"


def bare(text: str) -> str:
    return text.strip(_EDGES).casefold()


def is_explicit_none(text: str) -> bool:
    """'None' (any case, with or without a full stop or quotes): the format's word for nothing."""
    return bare(text) == "none"


def is_vague_none(text: str) -> bool:
    """A shrug in place of 'None': 'N/A', '-', 'nil', 'nothing', or only punctuation."""
    return bare(text) in _VAGUE or (not bare(text) and bool(text.strip()))


@lru_cache(maxsize=16)
def _nothing(nouns: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:none|nil|n/a|nothing)\b{_NO_FIGURES}|^no\s+(?:{nouns})\b{_NO_FIGURES}", re.IGNORECASE
    )


def says_nothing(text: str, nouns: str) -> bool:
    """Text that means "nothing here" about the thing `nouns` (a regex alternation) names:
    'None', 'None agreed', 'No discount applied', 'N/A', '-'; but not 'No budget for cover'."""
    return is_explicit_none(text) or is_vague_none(text) or bool(_nothing(nouns).match(bare(text)))
