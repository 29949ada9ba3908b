"""Even a non-strict build never publishes active content from a doc."""

from __future__ import annotations

import markdown

EXTENSIONS = ["tables", "attr_list", "admonition", "toc", "sane_lists", "pymdownx.superfences",
              "handoff_lint.site.safe_markdown"]


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def test_raw_html_is_shown_as_text() -> None:
    html = render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <!-- note -->\n")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_script_links_lose_their_target_whatever_the_spelling() -> None:
    html = render("[a](javascript:alert(1)) [b](&#106;avascript:alert(1)) [c](JaVa\tScRiPt:x) "
                  "[d](data:text/html;base64,PHNjcmlwdD4=) [e](vbscript:x)\n")
    assert "href" not in html
    assert html.count("<a>") == 5


def test_ordinary_links_are_kept() -> None:
    html = render("[site](https://example.test/a) [mail](mailto:a@example.test) [tel](tel:+441134960101) "
                  "[page](../other.md#part) [anchor](#top)\n")
    for href in ("https://example.test/a", "mailto:a@example.test", "tel:+441134960101", "../other.md#part",
                 "#top"):
        assert f'href="{href}"' in html


def test_images_from_other_hosts_become_links_so_nothing_loads_from_them() -> None:
    html = render("![tracker](https://tracker.example/pixel.png) ![logo](img/logo.png) "
                  "![x](//cdn.example/x.png) ![d](data:image/png;base64,AAAA)\n")
    assert '<a href="https://tracker.example/pixel.png">tracker</a>' in html
    assert '<img alt="logo" src="img/logo.png"' in html
    assert html.count("<img") == 1  # only the local one
    assert 'src="//cdn.example' not in html
    assert "data:image" not in html


def test_attribute_lists_cannot_add_handlers_or_styles() -> None:
    html = render('# Title { onclick="alert(1)" style="background:url(https://x.example/a)" .ok #t }\n')
    assert "onclick" not in html and "style" not in html
    assert 'class="ok"' in html and 'id="t"' in html


def test_table_alignment_survives() -> None:
    html = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert '<th style="text-align: left;">a</th>' in html
