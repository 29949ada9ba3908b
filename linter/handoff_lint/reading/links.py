"""Links as a browser reads them: the scheme it acts on, and which schemes are allowed.

The linter (HO618) and the site's Markdown extension decide with these same functions, so a link
the linter lets through is a link the site keeps, and the other way round. They follow the WHATWG
URL Standard's parser, which every browser implements, rather than Python's urllib: entities are
decoded (the URL sits in an HTML attribute), C0 controls and spaces are stripped from both ends,
tabs and newlines are removed anywhere. No image from a doc is ever loaded (see site.safe_markdown),
so which URLs stay on this site never needs deciding.
"""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Read for the scheme only: every control character and space removed, so that 'java\nscript:'
# and ' java script:' are both read as 'javascript:' (stricter than a browser, never looser).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")


def as_browser_reads(url: str) -> str:
    """The URL after entities are decoded and every character browsers may ignore is removed."""
    return _IGNORED_IN_SCHEME.sub("", html.unescape(url))


def link_scheme(url: str) -> str | None:
    """The scheme a browser would act on, lowercased; None for a relative link."""
    match = _SCHEME.match(as_browser_reads(url))
    return match.group("scheme").casefold() if match else None


def is_safe_link(url: str) -> bool:
    found = link_scheme(url)
    return found is None or found in SAFE_SCHEMES
