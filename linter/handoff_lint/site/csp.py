"""The site's Content-Security-Policy and the other HTTP headers to serve it with, in one place.

Every page gets the policy as a `<meta>` tag, first thing in its `<head>`, and no page keeps an
inline script: `harden` moves the theme's own inline scripts (mkdocs-material writes a few) into
files served from the site, named by their SHA-256, so `script-src 'self'` needs no
'unsafe-inline'. Which scripts are the theme's is read from the theme's templates at build time
(`theme_scripts`), never from the page: an inline script that is not one of them (whatever put it
there: a title, a page's front matter, a template) is removed, never moved, and fails the build, as
do event-handler attributes, javascript: URLs and scripts from another host. A `<meta>` policy does
not govern a search worker's script or framing, so the same policy, plus frame-ancestors, is also
written for the web server: `_headers` (Netlify and Cloudflare Pages read it) in the site, and an
nginx snippet in the README.

To allow something new (Pagefind's WebAssembly needs 'wasm-unsafe-eval' in script-src), add it to
POLICY; the meta tag, `_headers` and the nginx lines all follow.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from handoff_lint.reading.links import SAFE_SCHEMES, as_browser_reads, link_scheme

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # Pagefind's search runs as WebAssembly served from the site itself.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # Styles cannot run script; Python-Markdown writes table alignment as style attributes.
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "frame-src": ("'none'",),
    "object-src": ("'none'",),
    "base-uri": ("'none'",),
    "form-action": ("'self'",),
}
# Browsers ignore these in a <meta> policy (with a console error), so they go in the header only.
HEADER_ONLY: dict[str, tuple[str, ...]] = {"frame-ancestors": ("'none'",)}

OTHER_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Robots-Tag": "noindex, nofollow",
    # Client contacts must not stay in shared caches; the company's sign-in sits in front anyway.
    "Cache-Control": "private, no-cache",
}

INLINE_FOLDER = "assets/javascripts/inline"
_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# A whole script element, or the opening of one that is never closed.
_ELEMENT_OR_OPENING = re.compile(_SCRIPT.pattern + r"|<script(?=[\s/>])", re.IGNORECASE | re.DOTALL)
_SOURCE = re.compile(r"""\bsrc\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]*))""",
                     re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.IGNORECASE)
# Script elements a browser never runs: data blocks (the theme's configuration is one). Any other
# type is treated as script, whatever it says: browsers run more types than anyone lists.
_DATA_TYPES = frozenset({"application/json", "application/ld+json"})
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# A Jinja expression, statement or comment inside a template's script (opener -> closer): what it
# renders to is a value from the site's configuration (the base URL, the scope), never quotes or markup.
_JINJA = {"{{": "}}", "{%": "%}", "{#": "#}"}
# No quote, bracket, "=" or space: a value there cannot end the string it sits in or add code.
_JINJA_VALUE = r"([A-Za-z0-9_./:%~-]*)"
# A start tag, with quoted attribute values read whole (a quoted ">" does not end it). Possessive
# quantifiers: nothing is tried twice, so a tag that never ends costs one pass, not one per character.
_START_TAG = re.compile(r"""<[A-Za-z][A-Za-z0-9:-]*+(?P<attributes>(?:"[^"]*+"|'[^']*+'|[^'">]++)*+)>""")
_REFRESH = re.compile(r"http-equiv")  # each is read in its tag (_tag_problems)
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s/>"'=]++)(?:\s*+=\s*+(?P<value>"[^"]*+"|'[^']*+'|[^\s>]++))?+""")
# Attributes whose value a browser follows or loads as a URL.
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data",
                             "background", "ping", "cite", "manifest", "codebase"})
# Where a handler or a URL that is not a plain path may be: an on*= or srcdoc attribute's name, and
# an attribute value holding a ":" (a scheme) or a "&" (an entity spelling one). Found with two
# quick passes over the page; only the tags around them are read attribute by attribute (a page
# has thousands of tags, and next to none of these).
# Searched for in the page lowercased (where that keeps every position), one at a time: a pattern
# that starts with a literal, ignores no case and has no alternation is found many times faster.
_HANDLER_NAMES = (re.compile(r"on[a-z]+\s*="), re.compile("srcdoc"))
_BEFORE_NAME = frozenset(" \t\n\r\f/\"'")
# (No "=" inside: each search stops at the next one, so a run of them costs one pass. A value with
# an "=" before its ":" is found from that later "=", in the same tag.)
_SCHEME_VALUE = re.compile(r"""=\s*+(?:"[^"=]*[:&]|'[^'=]*[:&]|[^\s>"'=]*[:&])""")
_MAX_WALK_BACK = 16  # "<" inside quoted values passed before a candidate's tag is given up as unreadable
# The theme's search partial writes this one (a button that is not a link); it runs nothing.
_INERT_URLS = frozenset({"javascript:void(0)"})


def policy(*, header: bool = False) -> str:
    directives = {**POLICY, **(HEADER_ONLY if header else {})}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def headers() -> dict[str, str]:
    """Every header the web server should send with every file of the site."""
    return {"Content-Security-Policy": policy(header=True), **OTHER_HEADERS}


def headers_file() -> str:
    """The headers in the `_headers` format of Netlify and Cloudflare Pages, for every path."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers().items())


def nginx_snippet() -> str:
    """The headers as nginx `add_header` lines (`always`, so error pages carry them too)."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in headers().items())


def meta_tag() -> str:
    value = policy()
    assert '"' not in value
    return f'<meta http-equiv="Content-Security-Policy" content="{html.escape(value, quote=False)}">'


def _runnable(attributes: str) -> bool:
    found = _TYPE.search(attributes)
    return (found.group("type").lower() if found else "") not in _DATA_TYPES


def _source(attributes: str) -> str | None:
    found = _SOURCE.search(attributes)
    if found is None:
        return None
    return found.group("double") if found.group("double") is not None else (
        found.group("single") if found.group("single") is not None else found.group("bare"))


def inline_scripts(page: str) -> list[str]:
    """The bodies of the scripts a page would run inline (a JSON data block is not one)."""
    return [m.group("body") for m in _SCRIPT.finditer(page)
            if _runnable(m.group("attributes")) and _source(m.group("attributes")) is None]


@dataclass(frozen=True)
class ThemeScripts:
    """The inline scripts the theme's own templates write, each as a pattern of what it renders to:
    the template's text as it is, with each Jinja expression standing for a value from the site's
    configuration. Nothing a page contains is ever one of them unless it is one of them."""

    patterns: tuple[re.Pattern[str], ...] = ()

    def known(self, body: str) -> bool:
        """Whether body is one of the theme's scripts with each value a plain word or a link the
        site may hold: a value could be a URL the script navigates to (redirect.html's
        location.replace), and javascript:alert%281%29 is code there however it is spelt."""
        return any(match is not None and all(link_scheme(value) in (None, *SAFE_SCHEMES)
                                             for value in match.groups())
                   for match in (pattern.fullmatch(body) for pattern in self.patterns))


def _pattern(template_body: str) -> re.Pattern[str]:
    parts: list[str] = []
    position = 0
    while True:
        # The next Jinja tag, found with str.find: linear however the template is written.
        found = [(start, opener) for opener in _JINJA
                 if (start := template_body.find(opener, position)) >= 0]
        if not found:
            break
        start, opener = min(found)
        end = template_body.find(_JINJA[opener], start + 2)
        if end < 0:
            break
        parts += [re.escape(template_body[position:start]), _JINJA_VALUE]
        position = end + 2
    parts.append(re.escape(template_body[position:]))
    return re.compile("".join(parts), re.DOTALL)


def theme_scripts(templates: Iterable[str]) -> ThemeScripts:
    """The theme's inline scripts, read from the text of its templates (every *.html of the installed
    theme's folders, never the repo's overrides: handoff_lint.site.finish.theme_scripts reads them)."""
    bodies = {m.group("body") for template in templates for m in _SCRIPT.finditer(template)
              if _runnable(m.group("attributes")) and _source(m.group("attributes")) is None
              and m.group("body").strip()}
    return ThemeScripts(tuple(_pattern(body) for body in sorted(bodies)))


def script_file(body: str) -> str:
    """Where a moved inline script is served from, relative to the site's root."""
    return f"{INLINE_FOLDER}/{hashlib.sha256(body.encode('utf-8')).hexdigest()[:20]}.js"


def _shown(text: str) -> str:
    """A short, printable excerpt of what was found, for the build's message."""
    flat = re.sub(r"\s+", " ", text).strip()
    return repr(flat[:80] + ("..." if len(flat) > 80 else ""))


def _on_this_site(url: str) -> bool:
    """A script's address is a path on the site itself: no scheme, no other host (`//host`, or
    `/\\host`, which browsers read the same)."""
    read = as_browser_reads(url).replace("\\", "/")
    return link_scheme(url) is None and not read.startswith("//") and bool(read)


def _enclosing_tag(page: str, position: int) -> re.Match[str] | bool | None:
    """The start tag around position; None when position is in text; False when no tag can be read
    there (a "<" in a quoted value too many times over)."""
    start = position
    for _ in range(_MAX_WALK_BACK):
        start = page.rfind("<", 0, start)
        if start < 0:
            return None
        tag = _START_TAG.match(page, start)
        if tag is not None:
            return tag if tag.end() > position else None
    return False


def _tag_problems(tag: str, attributes: str) -> list[str]:
    found: list[str] = []
    for attribute in _ATTRIBUTE.finditer(attributes):
        name = attribute.group("name").lower()
        value = html.unescape((attribute.group("value") or "").strip("\"'"))
        if name == "http-equiv" and value.strip().lower() == "refresh":
            # A page that sends its reader elsewhere by itself (another host, a javascript: URL).
            found.append(f"a refresh in {_shown(tag)}")
        elif name.startswith("on") or name == "srcdoc":
            found.append(f"the attribute {name}= in {_shown(tag)}")
        elif (name in _URL_ATTRIBUTES and link_scheme(value) not in (None, *SAFE_SCHEMES)
              and as_browser_reads(value).lower() not in _INERT_URLS):
            found.append(f"a {link_scheme(value)}: URL in {_shown(tag)}")
    return found


def active_content(page: str) -> list[str]:
    """What in a page would run script other than a script element: event-handler attributes
    (onerror=, onload=, ...), srcdoc, URLs with a scheme that runs or renders script
    (javascript:, vbscript:, data:text/html, ...), and a <meta http-equiv=refresh> that navigates
    by itself. Each as a description for the build's message."""
    lowered = page.lower()
    if len(lowered) != len(page):  # a character whose lowercase is longer ("İ"): read as written
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in page)
    candidates = [m.start() for pattern in _HANDLER_NAMES for m in pattern.finditer(lowered)
                  if page[m.start() - 1] in _BEFORE_NAME]
    candidates += [m.start() for m in _SCHEME_VALUE.finditer(page)]
    candidates += [m.start() for m in _REFRESH.finditer(lowered)]
    found: list[str] = []
    read: set[int] = set()
    for position in sorted(candidates):
        tag = _enclosing_tag(page, position)
        if tag is False:
            found.append(f"a tag the build cannot read, around {_shown(page[position:][:80])}")
        elif isinstance(tag, re.Match) and tag.start() not in read:
            read.add(tag.start())
            found += _tag_problems(tag.group(0), tag.group("attributes"))
    return found


@dataclass
class Hardened:
    """A page made ready to serve: the page, the theme's scripts to write as files (path under the
    site's root -> script) and, if any, the active content it held that is not the theme's. Such
    content is removed or left inert, never moved, and the build fails with these messages."""

    page: str
    files: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def harden(page: str, base_url: str, theme: ThemeScripts) -> Hardened:
    """The page with the policy first in its head and the theme's inline scripts moved to files.

    base_url leads from the page to the site's root ("../.." or "/"). Only a script the theme's own
    templates write (theme) is moved; any other inline script is removed and reported, and so is
    a script loaded from another host, an event-handler attribute or a javascript: URL.
    """
    result = Hardened(page)

    def move(match: re.Match[str]) -> str:
        attributes, body = match.group("attributes"), match.group("body")
        if not _runnable(attributes):
            return match.group(0)
        source = _source(attributes)
        if source is not None:
            if body.strip() or not _on_this_site(source):
                result.problems.append(f"a script that is not the site's: {_shown(match.group(0))}")
                return ""
            return match.group(0)
        if not theme.known(body):
            result.problems.append(f"an inline script that is not one of the theme's: {_shown(body)}")
            return ""
        path = script_file(body)
        result.files[path] = body
        kept = re.sub(r"\s+", " ", attributes).rstrip()
        return f'<script{kept} src="{html.escape(base_url.rstrip("/") + "/" + path, quote=True)}"></script>'

    def unclosed(match: re.Match[str]) -> str:
        if match.group("body") is not None:
            return match.group(0)
        result.problems.append("a script element that is never closed")
        return "&lt;script"

    hardened = _ELEMENT_OR_OPENING.sub(unclosed, _SCRIPT.sub(move, page))
    result.problems += active_content(hardened)
    head = _HEAD.search(hardened)
    if head is None:
        raise ValueError("the page has no <head> to put its Content-Security-Policy in")
    result.page = hardened[:head.end()] + meta_tag() + hardened[head.end():]
    return result
