"""Which links are safe to publish: the scheme a browser would act on, and the schemes allowed.

The linter (HO618) and the site's Markdown extension decide with these same functions, so a link
the linter lets through is a link the site keeps, and the other way round.
"""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers drop these from a URL before reading its scheme: 'java\nscript:' is 'javascript:'.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")


def as_browser_reads(url: str) -> str:
    """The URL after entities are decoded and the characters browsers ignore are removed."""
    return _IGNORED.sub("", html.unescape(url))


def link_scheme(url: str) -> str | None:
    """The scheme a browser would act on, lowercased; None for a relative link."""
    match = _SCHEME.match(as_browser_reads(url))
    return match.group("scheme").casefold() if match else None


def is_safe_link(url: str) -> bool:
    found = link_scheme(url)
    return found is None or found in SAFE_SCHEMES
