"""The site's Content-Security-Policy and the other HTTP headers to serve it with, in one place.

Every page gets the policy as a `<meta>` tag, first thing in its `<head>`, and no page keeps an
inline script: `harden` moves the theme's own inline scripts (mkdocs-material writes a few) into
files served from the site, named by their SHA-256, so `script-src 'self'` needs no
'unsafe-inline' and no hash list that a theme upgrade would outdate. A `<meta>` policy does not
govern a search worker's script or framing, so the same policy, plus frame-ancestors, is also
written for the web server: `_headers` (Netlify and Cloudflare Pages read it) in the site, and an
nginx snippet in the README.

To allow something new (Pagefind's WebAssembly needs 'wasm-unsafe-eval' in script-src), add it to
POLICY; the meta tag, `_headers` and the nginx lines all follow.
"""

from __future__ import annotations

import hashlib
import html
import re

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
_SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.IGNORECASE)
_RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


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


def _runnable_inline(attributes: str) -> bool:
    if _SOURCE.search(attributes):
        return False
    found = _TYPE.search(attributes)
    return (found.group("type").lower() if found else "") in _RUNNABLE_TYPES


def inline_scripts(page: str) -> list[str]:
    """The bodies of the scripts a page would run inline (a JSON data block is not one)."""
    return [m.group("body") for m in _SCRIPT.finditer(page) if _runnable_inline(m.group("attributes"))]


def script_file(body: str) -> str:
    """Where a moved inline script is served from, relative to the site's root."""
    return f"{INLINE_FOLDER}/{hashlib.sha256(body.encode('utf-8')).hexdigest()[:20]}.js"


def harden(page: str, base_url: str, content: str = "") -> tuple[str, dict[str, str]]:
    """The page with the policy first in its head and every inline script moved to a file.

    base_url leads from the page to the site's root ("../.." or "/"). Returns the page and the
    files to write (path under the site's root -> script). A script that appears in the page's own
    content (what its Markdown rendered) is removed, never moved: only the theme's are the site's.
    """
    files: dict[str, str] = {}

    def move(match: re.Match[str]) -> str:
        attributes, body = match.group("attributes"), match.group("body")
        if not _runnable_inline(attributes):
            return match.group(0)
        if content and match.group(0) in content:
            return ""
        path = script_file(body)
        files[path] = body
        kept = re.sub(r"\s+", " ", attributes).rstrip()
        return f'<script{kept} src="{html.escape(base_url.rstrip("/") + "/" + path, quote=True)}"></script>'

    hardened = _SCRIPT.sub(move, page)
    head = _HEAD.search(hardened)
    if head is None:
        raise ValueError("the page has no <head> to put its Content-Security-Policy in")
    hardened = hardened[:head.end()] + meta_tag() + hardened[head.end():]
    return hardened, files
