"""What a site build logs reaches the terminal escaped, whoever wrote it: the site's own messages
and MkDocs' warnings about a doc's links alike."""

from __future__ import annotations

import logging
from pathlib import Path

from conftest import NORTHWIND, build_site, copy_site_project, example_text
from handoff_lint.site.buildlog import PrintableFilter, escape_build_log

# Characters a terminal acts on or does not show: ESC, CSI, a bidi override, a line break.
ACTIVE = ("\x1b", "\x9b", "\u202e", "\r")


def test_the_filter_escapes_a_message_and_its_arguments() -> None:
    record = logging.LogRecord("mkdocs.x", logging.WARNING, __file__, 1, "target '%s' not found",
                               ("nope\u202eevil\x1b[2J\nWARNING - forged",), None)
    assert PrintableFilter().filter(record)
    assert record.getMessage() == "target 'nope\\u202eevil\\x1b[2J\\x0aWARNING - forged' not found"


def test_the_filter_goes_on_every_handler_once() -> None:
    logger = logging.getLogger("handoff-test-buildlog")
    handler = logging.NullHandler()
    logger.addHandler(handler)
    try:
        escape_build_log(("handoff-test-buildlog",))
        escape_build_log(("handoff-test-buildlog",))
        assert [type(f) for f in handler.filters] == [PrintableFilter]
    finally:
        logger.removeHandler(handler)


def test_a_real_build_logs_no_control_character(tmp_path: Path) -> None:
    config = copy_site_project(tmp_path / "repo")
    clients = config.parent / "clients"
    # A file MkDocs walks, named with an escape sequence and a line break (the site refuses it).
    (clients / "northwind-logistics" / "01-handoff" / "x\x1b[2J\nWARNING -  forged.md").write_text("x\n")
    doc = clients / NORTHWIND.relative_to("clients")
    doc.write_text(example_text() + "\n[c](missing%1B%5B2J.md) [d](nope\u202eevil.md) "
                   "[e](gone%0AINFO%20-%20forged.md)\n", "utf-8")
    result = build_site(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    log = result.stderr
    assert "x\\x1b[2J\\x0aWARNING -  forged.md" in log  # the site's own message, escaped
    assert "nope\\u202eevil.md" in log  # MkDocs' warning about the link, escaped
    for char in ACTIVE:
        assert char not in log, repr(char)
    # No line break from a name or a link starts a line of its own.
    assert not [line for line in log.splitlines() if line.startswith(("WARNING -  forged", "INFO - forged"))]
    assert "gone\\x0aINFO - forged.md" in log
