"""Names in paths: who a written name means, and the one path segment each name gets.

A name's segment is distinct for distinct names by construction, and depends on that name alone (so
it is stable however many other names there are, and every page links to it without knowing them):
the plain slug when the name is exactly the slug's words ('Priya Shah 2' -> 'priya-shah-2'); else the
slug, '--' (which no slug holds) and a hash of the name ('José García' -> 'jose-garcia--9c1b…'), so
'Jose Garcia' and 'José García' are two people with two pages. The site's path allocator
(handoff_lint.site.allocate) still checks every path, so even a hash collision is a build error,
never one page silently replacing another.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# A slug's length in a path: far above any real name, and a path segment stays under the 255 bytes
# a file system allows. A longer name is cut and hashed.
SLUG_LENGTH = 60
# Hex digits of the hash: 128 bits, so no one can make two names share one (with 32 bits, two AM
# names differing only in dots and apostrophes that share one are found in a fraction of a second,
# and their two pages would stop every build).
HASH_LENGTH = 32
_PLAIN_WORDS = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def slug(value: str) -> str:
    """Lowercase ASCII letters and digits in words joined by single hyphens ('' for none)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def person_key(name: str) -> str:
    """Who a name means: the same however its spaces, capitals or accents' encoding were typed
    ('Hannah Lee', 'hannah  lee'); accents themselves count ('José' is not 'Jose')."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def segment(name: str, reserved: Iterable[str] = ()) -> str:
    """The name's path segment (without a prefix or '.md'); see the module's docstring. A name
    whose plain slug is reserved (a folder's 'index') or a number (a later page, paging.page_uri)
    is hashed too."""
    key = person_key(name)
    plain = slug(name)[:SLUG_LENGTH].strip("-") or "unnamed"
    # Only a name of plain words maps back from its slug: 'Ann-Lee' and 'Ann Lee' share one.
    if _PLAIN_WORDS.fullmatch(key) and key.replace(" ", "-") == plain and plain not in set(reserved) \
            and not plain.isdigit():
        return plain
    return f"{plain}--{hashlib.sha256(key.encode('utf-8')).hexdigest()[:HASH_LENGTH]}"


def by_person(items: Iterable[T], name_of: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by the person (or group) each names, one entry per person_key, shown as first written
    by name order; items whose name is empty are left out."""
    grouped: dict[str, list[tuple[str, T]]] = {}
    for item in items:
        name = " ".join(name_of(item).split())
        if name:
            grouped.setdefault(person_key(name), []).append((name, item))
    return {min(n for n, _ in entries): [item for _, item in entries] for entries in grouped.values()}
