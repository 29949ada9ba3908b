"""`handoff lsp`: a language server that shows `handoff lint`'s findings in the editor as the AE
types, offers the safe fixes as quick fixes and explains a finding's rule on hover.

It speaks LSP over stdin and stdout (stdout is the protocol: nothing else may be printed there).
The findings come from live.check, the lint pipeline itself; this module only turns them into
messages, waits for typing to pause, and publishes for the newest version of a doc only.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from handoff_lint import __version__, codes
from handoff_lint.contract.config import Config, ConfigError
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.editor import live
from handoff_lint.editor.lsp_input import MAX_MESSAGE_BYTES, OVERSIZED, BoundedInput
from handoff_lint.engine.runner import internal_error
from handoff_lint.reading.source import MAX_BYTES

# Long enough that a burst of keystrokes is checked once, short enough to feel immediate.
DEBOUNCE_SECONDS = 0.2
SOURCE = "handoff"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
_SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
               Severity.WARNING: types.DiagnosticSeverity.Warning}


@dataclass
class Result:
    """The newest check of one open doc, kept for quick fixes and hovers on that same version."""

    version: int | None
    text: str
    lines: live.Lines
    findings: list[tuple[Diagnostic, types.Diagnostic]]
    read: str | None = None
    config: Config | None = None


@dataclass
class State:
    results: dict[str, Result] = field(default_factory=dict)
    pending: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    # Docs whose newest text was too large to be read (lsp_input), by URI: what stands for them
    # until the editor sends a newer version.
    refused: dict[str, Result] = field(default_factory=dict)


def to_lsp(diagnostic: Diagnostic, lines: live.Lines) -> types.Diagnostic:
    span = lines.span(diagnostic)
    return types.Diagnostic(
        range=_range(span),
        message=diagnostic.message,
        severity=_SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.code or None,
        source=SOURCE,
        data={"hint": diagnostic.hint} if diagnostic.hint else None,
    )


def _range(span: live.Span) -> types.Range:
    return types.Range(types.Position(span.start.line, span.start.character),
                       types.Position(span.end.line, span.end.character))


def location(uri: str) -> tuple[Path, bool]:
    """The doc's path, and whether it has one: a buffer that is not a file (untitled) is checked
    as if it were in the folder the server runs in, without the path rules."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return (Path(path), True) if path else (Path.cwd() / "untitled.md", False)


def check(uri: str, text: str, version: int | None, units: live.Units) -> Result:
    """Check one version of a doc: the lint pipeline's findings, placed for the editor. A doc that
    is not a file yet (an untitled buffer) is checked with the built-in settings and no path rules;
    settings that cannot be read become one finding at the top, as `handoff lint` would stop."""
    lines = live.Lines(text, units)
    path, has_path = location(uri)
    try:
        config = live.settings(path) if has_path else Config(root=path.parent, today=live.today())
    except ConfigError as error:
        problem = Diagnostic(uri, 1, 1, "", Severity.ERROR, f"handoff: {error}; the doc was not checked",
                             "Fix the settings in pyproject.toml ([tool.handoff]).")
        return Result(version, text, lines, [(problem, to_lsp(problem, lines))])
    try:
        checked = live.check(path, text, config, has_path)
    except Exception as error:  # a bug (or an unreadable folder) is one finding, never a dead server
        crash = internal_error(str(path), error)
        return Result(version, text, lines, [(crash, to_lsp(crash, lines))])
    return Result(version, text, lines, [(d, to_lsp(d, lines)) for d in checked.diagnostics],
                  checked.text, config)


def _units(server: LanguageServer, uri: str) -> live.Units:
    return server.workspace.get_text_document(uri).position_codec.client_num_units


def refused(uri: str, version: int | None, size: int) -> Result:
    """What stands for a doc whose text came in a message too large to read: HO104, and no text
    to fix (the server's copy is older than the editor's)."""
    path, has_path = location(uri)
    try:
        limit = live.settings(path).max_bytes if has_path else MAX_BYTES
    except ConfigError:
        limit = MAX_BYTES
    problem = codes.diagnostic(
        str(path), 1, 1, "HO104",
        f"the editor sent {size:,} bytes for this doc; a handoff doc may be at most {limit:,} bytes",
        "Remove pasted data (spreadsheets, images as text) and link to it instead.")
    lines = live.Lines("")
    return Result(version, "", lines, [(problem, to_lsp(problem, lines))])


def _current(server: LanguageServer, state: State, uri: str) -> Result | None:
    """The check of the doc as the editor has it now: the kept one, or a fresh one if the text
    changed since (a quick fix is never computed from an older version)."""
    document = server.workspace.text_documents.get(uri)
    stands = state.refused.get(uri)
    if stands is not None:
        if document is None or document.version is None or stands.version is None \
                or document.version <= stands.version:
            return stands
        del state.refused[uri]
    if document is None:
        return None
    kept = state.results.get(uri)
    if kept is not None and kept.version == document.version and kept.text == document.source:
        return kept
    result = check(uri, document.source, document.version, _units(server, uri))
    state.results[uri] = result
    return result


def publish(server: LanguageServer, state: State, uri: str) -> None:
    """Check the doc's current text and publish its findings, tagged with the version checked."""
    result = _current(server, state, uri)
    if result is None:
        return
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=uri, version=result.version, diagnostics=[lsp for _, lsp in result.findings]))


async def _later(server: LanguageServer, state: State, uri: str, version: int | None) -> None:
    await asyncio.sleep(DEBOUNCE_SECONDS)
    document = server.workspace.text_documents.get(uri)
    if document is not None and document.version == version:
        publish(server, state, uri)


def schedule(server: LanguageServer, state: State, uri: str, version: int | None) -> None:
    """Check after typing pauses: each change replaces the check the one before it scheduled."""
    earlier = state.pending.pop(uri, None)
    if earlier is not None:
        earlier.cancel()
    task = asyncio.get_running_loop().create_task(_later(server, state, uri, version))
    state.pending[uri] = task
    task.add_done_callback(lambda done: state.pending.pop(uri, None)
                           if state.pending.get(uri) is done else None)


def _overlaps(span: types.Range, wanted: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(span.start) <= key(wanted.end) and key(wanted.start) <= key(span.end)


def _edit(uri: str, edit: live.TextEdit) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=_range(edit.span), new_text=edit.new)]})


def code_actions(uri: str, result: Result, wanted: types.Range,
                 only: Sequence[str] | None) -> list[types.CodeAction]:
    """A quick fix for each finding in the range whose fix is safe (its edit is the one `handoff
    lint --fix` makes for it), and one action applying every safe fix as `--fix` does."""
    actions: list[types.CodeAction] = []
    if result.read is None or result.config is None:
        return actions
    if only is None or any(kind.startswith(types.CodeActionKind.QuickFix.value) for kind in only):
        for diagnostic, shown in result.findings:
            if diagnostic.fix is None or not diagnostic.fix.safe or not _overlaps(shown.range, wanted):
                continue
            edit = live.fix_edit(result.read, diagnostic, result.lines)
            if edit is not None:
                actions.append(types.CodeAction(
                    title=f"{diagnostic.fix.description} ({diagnostic.code})",
                    kind=types.CodeActionKind.QuickFix, diagnostics=[shown], is_preferred=True,
                    edit=_edit(uri, edit)))
    if (only is None and actions) or (only is not None and any(FIX_ALL.startswith(kind) for kind in only)):
        every = live.fix_all(*location(uri), result.read, result.config, result.lines)
        if every is not None:
            actions.append(types.CodeAction(title="Apply every safe fix (handoff lint --fix)",
                                            kind=FIX_ALL, edit=_edit(uri, every)))
    return actions


def explain(diagnostic: Diagnostic, config: Config | None) -> str:
    """A finding, its fix, and its rule's entry exactly as `handoff rules CODE` prints it."""
    parts = [f"{diagnostic.code} {diagnostic.message}".strip()]
    if diagnostic.hint:
        parts.append(f"fix: {diagnostic.hint}")
    rule = codes.REGISTRY.get(diagnostic.code)
    if rule is not None:
        severity = (config.severity if config else {}).get(rule.code, rule.severity).value
        parts.append(f"{rule.code} {rule.name} [{severity}]\n\n{rule.explanation()}")
    return "\n\n".join(parts)


def hover(result: Result, position: types.Position) -> types.Hover | None:
    """The explanation of each finding under the cursor, as plain text: a finding quotes the doc,
    and Markdown there could make the editor fetch an image from anywhere."""
    here = types.Range(position, position)
    found = [(d, shown) for d, shown in result.findings if _overlaps(shown.range, here)]
    if not found:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.PlainText,
                                     value="\n\n----\n\n".join(explain(d, result.config) for d, _ in found)),
        range=found[0][1].range)


def server() -> LanguageServer:
    """A language server with handoff's features; start it with .start_io()."""
    # Full sync: the editor sends the whole text on each change, so the server's copy can never
    # drift from the editor's (pygls applies incremental edits by str.splitlines, which also breaks
    # lines at U+2028 and form feeds where an editor does not).
    language_server = LanguageServer(SOURCE, __version__,
                                     text_document_sync_kind=types.TextDocumentSyncKind.Full)
    state = State()

    @language_server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(ls, state, params.text_document.uri)

    @language_server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        schedule(ls, state, params.text_document.uri, params.text_document.version)

    @language_server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        # Saving can change what path rules see (a doc now exists beside another): check now.
        state.results.pop(params.text_document.uri, None)
        publish(ls, state, params.text_document.uri)

    @language_server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = state.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        state.results.pop(uri, None)
        state.refused.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @language_server.feature(OVERSIZED)
    def oversized(ls: LanguageServer, params: Any) -> None:
        """A message too large to read (lsp_input) was dropped: its doc, or every open doc when
        the message did not say which, shows HO104 until the editor sends a newer version."""
        # A notification pygls has no type for arrives as an object with the fields as attributes.
        uri, version = getattr(params, "uri", None), getattr(params, "version", None)
        size = int(getattr(params, "bytes", 0))
        versions: dict[str, int | None] = (
            {uri: version} if isinstance(uri, str) and isinstance(version, int)
            else {named: document.version for named, document in ls.workspace.text_documents.items()})
        for affected, at in versions.items():
            state.refused[affected] = refused(affected, at, size)
            pending = state.pending.pop(affected, None)
            if pending is not None:
                pending.cancel()
            publish(ls, state, affected)

    @language_server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        result = _current(ls, state, params.text_document.uri)
        if result is None:
            return None
        return code_actions(params.text_document.uri, result, params.range, params.context.only)

    @language_server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        result = _current(ls, state, params.text_document.uri)
        return hover(result, params.position) if result is not None else None

    return language_server


def main(max_message_bytes: int = MAX_MESSAGE_BYTES) -> int:
    """Serve on stdin and stdout until the editor says exit. The protocol gets its own copy of
    stdout, and stdout itself then leads to stderr: whatever a library prints by mistake goes to
    the editor's log instead of corrupting the protocol."""
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    server().start_io(BoundedInput(sys.stdin.buffer, max_message_bytes), protocol)  # type: ignore[arg-type]
    return 0
