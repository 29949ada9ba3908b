"""Links as a browser reads them: the scheme it acts on, which schemes are allowed, and which URLs
stay on this site.

The linter (HO618) and the site's Markdown extension decide with these same functions, so a link
the linter lets through is a link the site keeps, and the other way round. They follow the WHATWG
URL Standard's parser, which every browser implements, rather than Python's urllib: entities are
decoded (the URL sits in an HTML attribute), C0 controls and spaces are stripped from both ends,
tabs and newlines are removed anywhere, and in a special scheme (http, https, ...) a backslash is a
slash, so `/\\host/p.png` and `\\/host/p.png` both mean `//host/p.png`, another host.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Read for the scheme only: every control character and space removed, so that 'java\nscript:'
# and ' java script:' are both read as 'javascript:' (stricter than a browser, never looser).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
# WHATWG "basic URL parser": leading and trailing C0 control or space are stripped, then every
# ASCII tab or newline is removed wherever it is.
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")
# Percent-decoding is repeated at most this often: enough for any double-encoding a server, a
# proxy or Python-Markdown could undo, and bounded for hostile input.
_DECODING_ROUNDS = 3


def as_browser_reads(url: str) -> str:
    """The URL after entities are decoded and every character browsers may ignore is removed."""
    return _IGNORED_IN_SCHEME.sub("", html.unescape(url))


def whatwg_input(url: str) -> str:
    """The URL as the WHATWG parser starts reading it: entities decoded, ends stripped of C0
    controls and spaces, tabs and newlines removed."""
    return _TAB_OR_NEWLINE.sub("", html.unescape(url).strip(_C0_OR_SPACE))


def link_scheme(url: str) -> str | None:
    """The scheme a browser would act on, lowercased; None for a relative link."""
    match = _SCHEME.match(as_browser_reads(url))
    return match.group("scheme").casefold() if match else None


def is_safe_link(url: str) -> bool:
    found = link_scheme(url)
    return found is None or found in SAFE_SCHEMES


def _stays_here(url: str) -> bool:
    for reading in (whatwg_input(url), as_browser_reads(url)):
        if _SCHEME.match(reading):
            return False
        # For this site's own (http or https) pages a backslash is a slash: '\\/host' is '//host'.
        if reading.replace("\\", "/").startswith("//"):
            return False
    return True


def is_local(url: str) -> bool:
    """True only for a path on this site: no scheme and no other host, however it is written.

    The URL is also read percent-decoded (up to a few rounds), so '%2F%2Fhost' or '%5C/host' is not
    local either: a server or a later tool that decodes it once must not find another host in it.
    """
    reading = url
    for _ in range(_DECODING_ROUNDS + 1):
        if not _stays_here(reading):
            return False
        decoded = unquote(reading)
        if decoded == reading:
            return True
        reading = decoded
    return False  # still encoded after every round: not something an author wrote by hand
