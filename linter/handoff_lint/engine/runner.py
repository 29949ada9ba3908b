"""One file, start to finish: read it, check it, and never let a crash pass a doc silently."""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff_lint.codes import default_severity
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine.check import Checked, apply_severity, check_bytes
from handoff_lint.reading import files

_SHORT = 120


@dataclass(frozen=True)
class InternalError(Diagnostic):
    """HO900: the linter failed on a file. The traceback travels with it (also out of a worker
    process) so that only the CLI decides whether to show it (--debug)."""

    details: str = field(default="", compare=False)


def _traceback(error: BaseException) -> str:
    import traceback  # only for a crash: kept off the start-up path of every run

    return "".join(traceback.format_exception(error))


def internal_error(display: str, error: BaseException) -> InternalError:
    summary = f"{type(error).__name__}: {error}".splitlines()[0] if str(error) else type(error).__name__
    if len(summary) > _SHORT:
        summary = summary[:_SHORT - 1] + "…"
    return InternalError(
        display, 1, 1, "HO900", default_severity("HO900"),
        f"internal error while checking this file ({summary}); the doc was not checked",
        "This is a bug in the linter, not in the doc: report it to the repo's maintainers with "
        f"the file attached and the output of `handoff --debug lint {display}`.",
        details=_traceback(error),
    )


def check_target(target: files.Target, config: Config) -> Checked:
    """One file read and checked, for the CLI and the site alike; an unexpected exception becomes an
    internal-error diagnostic, whose severity no setting changes."""
    try:
        data = files.read(target, config.max_bytes)
        if isinstance(data, Diagnostic):
            return Checked(target.display, target.relative, diagnostics=apply_severity([data], config))
        return check_bytes(target.display, data, target.relative, config)
    except Exception as error:  # a bug must be reported, never crash the whole run or pass the doc
        return Checked(target.display, target.relative, diagnostics=[internal_error(target.display, error)])


def lint_target(target: files.Target, config: Config) -> list[Diagnostic]:
    """The diagnostics alone: all a lint run needs, and all a worker process sends back (a Checked
    carries the whole doc, parsed)."""
    return check_target(target, config).diagnostics
