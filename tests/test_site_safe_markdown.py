"""Even a non-strict build never publishes active content from a doc."""

from __future__ import annotations

import re

import markdown
import pytest
from handoff_lint.site import attributes
from handoff_lint.site.attributes import clean_html, renew_key, trusted_class, trusted_id

EXTENSIONS = ["tables", "attr_list", "admonition", "toc", "sane_lists", "pymdownx.superfences",
              "handoff_lint.site.safe_markdown"]


CONFIGS = {"toc": {"permalink": True}, "handoff_lint.site.safe_markdown": {"prepared": True}}


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS, extension_configs=CONFIGS)


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


def test_no_image_in_a_doc_loads_web_ones_become_links() -> None:
    html = render("![tracker](https://tracker.example/pixel.png) ![logo](img/logo.png) "
                  "![out](/oauth2/sign_out) ![x](//cdn.example/x.png) ![d](data:image/png;base64,AAAA) "
                  "![j](javascript:alert(1)) ![](./empty.png)\n")
    assert "<img" not in html
    assert '<a href="https://tracker.example/pixel.png">tracker</a>' in html
    assert '<a href="//cdn.example/x.png">x</a>' not in html  # a link only with http(s) written out
    for alt in ("logo", "out", "x", "d", "j", "./empty.png"):
        assert f"<a>{alt}</a>" in html
    assert "sign_out\"" not in html and "data:image" not in html and "javascript" not in html


def test_attribute_lists_cannot_add_handlers_or_styles() -> None:
    html = render('# Title { onclick="alert(1)" style="background:url(https://x.example/a)" .ok #t }\n')
    assert "onclick" not in html and "style" not in html and "ok" not in html
    assert '<h1 id="h-title">' in html


# Every way a doc could write an id, a name, a class, a title or a data-* attribute.
FORGED = {
    "heading attr_list": '# Title {: #__config .md-sidebar title="<img src=x>" data-md-component="x" }\n',
    "inline attr_list": "`code`{: #__config name=__search .mermaid }\n",
    "link attr_list": '[x](https://example.test){: name=__config title="Hi" target=_blank dir=rtl }\n',
    "paragraph attr_list": "Text\n{: #__drawer .annotate }\n",
    "list attr_list": "- item\n{: #__search }\n",
    "fence": '```{ .python #__config .mermaid title="t" data-md-color="x" onclick="x" }\nprint(1)\n```\n',
    "fence language": "``` mermaid\ngraph\n```\n",
    "admonition": '!!! note md-sidebar annotate handoff-card "T"\n    body\n',
    "table cell": "| a {: #__config } |\n|---|\n| b {: .md-typeset } |\n",
}


@pytest.mark.parametrize("name", sorted(FORGED))
def test_a_doc_writes_no_id_name_class_title_or_data(name: str) -> None:
    html = render(FORGED[name])
    for forged in ("__config", "__search", "__drawer", "md-sidebar", "md-typeset", "mermaid", "annotate",
                   "handoff-card", "data-", "name=", "target=", "dir=", "onclick", 'title="<', 'title="Hi'):
        assert forged not in html.replace("h-__config", ""), (forged, html)


def test_heading_ids_from_a_doc_are_namespaced() -> None:
    html = render("## __config\n\n## __search\n\n## Intro e-mail\n")
    assert re.findall(r' id="([^"]*)"', html) == ["h-__config", "h-__search", "h-intro-e-mail"]
    # Even with toc's own default slugify configured: the extension installs the namespaced one.
    plain = markdown.markdown("## __config\n", extensions=["toc", "handoff_lint.site.safe_markdown"],
                              extension_configs=CONFIGS)
    assert 'id="h-__config"' in plain


def test_the_sites_own_ids_and_classes_carry_the_key() -> None:
    html = render(f"## Mine {{ #{trusted_id('handoff-intro-e-mail')} .{trusted_class('x')} }}\n\n"
                  f'!!! abstract {trusted_class("handoff-card")} "At a glance"\n    b\n')
    assert '<h2 class="x" id="handoff-intro-e-mail">' in html
    assert '<div class="admonition abstract handoff-card">' in html
    assert attributes.KEY not in html


def test_a_new_key_makes_the_old_one_worthless() -> None:
    old = trusted_id("handoff-intro-e-mail")
    renew_key()
    assert trusted_id("handoff-intro-e-mail") != old
    assert 'id="handoff-intro-e-mail"' not in render(f"## Mine {{ #{old} }}\n")


def test_code_highlighting_keeps_its_classes() -> None:
    html = render("```python\nprint(1)\n```\n")
    assert '<div class="highlight">' in html and '<span class="nb">print</span>' in html


def test_clean_html_rewrites_attributes_and_keeps_text() -> None:
    assert clean_html('<div id="__config" class="highlight md-x" data-a="1"><code>a &amp; b &lt;'
                      "</code></div><!-- c -->") == '<div class="highlight"><code>a &amp; b &lt;</code></div>'
    assert clean_html('<span title="x" class="k">if</span> <') == '<span class="k">if</span> &lt;'


def test_table_alignment_survives() -> None:
    html = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert '<th style="text-align: left;">a</th>' in html


def test_nothing_converts_unless_the_site_steps_said_they_run() -> None:
    """A generator that runs no hook (Zensical) on mkdocs.yml stops at the first page."""
    from handoff_lint.site.safe_markdown import Unprepared

    with pytest.raises(Unprepared, match="handoff site build"):
        markdown.markdown("# Acme\n", extensions=EXTENSIONS)
