"""Everything a site build logs reaches the terminal escaped: file names, link targets and values
come from docs and file names, and a line break or an escape sequence in one would forge a log line,
clear the screen or hide text. One filter on the handlers covers the site's own messages and
MkDocs' (`Doc file 'x' contains a link 'missing\\x9b2J.md' ...`) alike."""

from __future__ import annotations

import logging

from handoff_lint.engine.reporters import printable


class PrintableFilter(logging.Filter):
    """Rewrites each record's message through printable(); never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the format: shown as written
            message = f"{record.msg} {record.args}"
        escaped = printable(message)
        if escaped != message:
            record.msg, record.args = escaped, None
        return True


def escape_build_log(logger_names: tuple[str, ...] = ("mkdocs", "")) -> None:
    """Install PrintableFilter on every handler of these loggers (MkDocs' own handlers hang on
    "mkdocs"; a logger's own filters would miss its children's records), once each."""
    for name in logger_names:
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            if not any(isinstance(f, PrintableFilter) for f in handler.filters):
                handler.addFilter(PrintableFilter())
        if not any(isinstance(f, PrintableFilter) for f in logger.filters):
            logger.addFilter(PrintableFilter())
