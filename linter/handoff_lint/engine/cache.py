"""Work once per doc: results kept on disk under a key of everything that decides them.

A doc's check (its parse, instance and diagnostics) and its rendering-parity result are kept under
a hash of the doc's bytes, its path, the linter's own source, the schema, the settings and the
Python and library versions; change any of these and the key changes, so a stale entry is never
found. The folder holds nothing else and is safe to delete at any time.

An entry is data, never an object that runs code when it is read: MessagePack (msgspec), read back
against the type its kind must have (a check is read as a Checked, field by field, down to the parsed
Document), so a file that is not exactly such data (truncated, corrupt, written by another version or
by anyone else) is a miss, rewritten by the build. Its key is written first and must match the
key it is looked up by: an entry is only ever found by the hash of the content it was made from,
whichever branch's build wrote it. The store still lives outside the repository (in the user's cache
folder, one folder per checkout), and a folder inside the repo is refused: a pull request could
otherwise commit entries, and a forged entry, if harmless to run, could still hide a finding.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import TypeVar, cast

import msgspec

import handoff_lint
from handoff_lint.contract.config import Config
from handoff_lint.contract.schema import packaged_schema_text
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine import runner
from handoff_lint.engine.check import Checked, check_bytes
from handoff_lint.errors import Refusal
from handoff_lint.reading import files

T = TypeVar("T")
FOLDER_VARIABLE = "HANDOFF_CACHE_DIR"  # where the stores of every checkout are kept


class UnsafeFolder(Refusal, ValueError):
    """The cache folder is inside the repository, where a committed file could become an entry."""


SWITCH_VARIABLE = "HANDOFF_CACHE"  # "off": check every doc afresh and keep nothing


def open_store(root: Path, environ: Mapping[str, str], home: Path) -> Store:
    """The store of the user's cache folder for this repo, or one in memory with HANDOFF_CACHE=off.
    Raises UnsafeFolder for a folder inside the repository."""
    if environ.get(SWITCH_VARIABLE, "").casefold() == "off":
        return Store(None)
    return Store(folder_for(root, environ, home))


def folder_for(root: Path, environ: Mapping[str, str], home: Path) -> Path:
    """The store of the checkout at root: under HANDOFF_CACHE_DIR, else the user's cache folder
    (XDG_CACHE_HOME, else ~/.cache), in a folder named from the checkout's path."""
    base = (Path(environ[FOLDER_VARIABLE]) if environ.get(FOLDER_VARIABLE)
            else Path(environ.get("XDG_CACHE_HOME") or home / ".cache") / "handoff")
    base, root = Path(os.path.abspath(base)), Path(os.path.abspath(root))
    if base == root or root in base.parents:
        raise UnsafeFolder(f"{FOLDER_VARIABLE}={base} is inside the repository at {root}: a file "
                           "committed there would be read back as a cache entry. Keep it outside.")
    return base / hashlib.sha256(str(root).encode()).hexdigest()[:16]
_LIBRARIES = ("markdown-it-py", "jsonschema", "pyyaml", "holidays", "phonenumbers", "email-validator",
              "markdown", "pymdown-extensions")


@lru_cache(maxsize=1)
def linter_fingerprint() -> str:
    """The linter's version, source and libraries: a change to any of them is a new linter."""
    digest = hashlib.sha256(f"{handoff_lint.__version__} {platform.python_version()}".encode())
    package = Path(handoff_lint.__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}".encode())
    return digest.hexdigest()


def settings_fingerprint(config: Config) -> str:
    """The settings and the schema they point to (its bytes, not its name)."""
    digest = hashlib.sha256(linter_fingerprint().encode())
    # today too: recorded dates are checked against it (HO619), so a check is of its day.
    digest.update(repr((config.clients, config.region, config.phone_region, config.max_bytes, config.today,
                        sorted((code, severity.value) for code, severity in config.severity.items()),
                        str(config.schema_path))).encode())
    schema = config.schema_path
    digest.update(Path(schema).read_bytes() if schema else packaged_schema_text().encode())
    return digest.hexdigest()


def doc_key(settings: str, target: files.Target, data: bytes) -> str:
    digest = hashlib.sha256(settings.encode())
    digest.update(f"\0{target.display}\0{target.relative}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def _to_data(value: object) -> object:
    if isinstance(value, PurePosixPath):
        return str(value)
    raise NotImplementedError(f"{type(value).__name__} is not kept in the store")


def _from_data(shape: type, value: object) -> object:
    if shape is PurePosixPath and isinstance(value, str):
        return PurePosixPath(value)
    if shape is object:  # a JSON value as the doc had it (front matter, the instance): data as read
        return value
    raise NotImplementedError(f"{shape!r} is not read from the store")


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_to_data)


def reader(shape: type[T]) -> msgspec.msgpack.Decoder[T]:
    """How the entries of a kind are read back: as this type, data only."""
    return msgspec.msgpack.Decoder(shape, dec_hook=_from_data)


CHECK = reader(Checked)
PARITY = reader(list[tuple[int, str]])


class Store:
    """Entries under a folder, one file each: the entry's key, a line break, then its value as
    MessagePack. Every failure to read or write is a miss. Without a folder, entries are kept in
    memory for one build only."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[tuple[str, str], object] = {}
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / key

    def load(self, kind: str, key: str, shape: msgspec.msgpack.Decoder[T]) -> T | None:
        """The entry of this kind under key, read as shape's type; None when there is none that is."""
        if self.folder is None:
            return cast("T | None", self.memory.get((kind, key)))
        head = key.encode("ascii") + b"\n"
        try:
            data = self._path(kind, key).read_bytes()
            if not data.startswith(head):
                raise ValueError("filed under another key")
            value = shape.decode(memoryview(data)[len(head):])
        except Exception:  # missing, truncated, corrupt, misfiled, or not of this kind: a miss
            self.misses += 1
            return None
        self.hits += 1
        return value

    def save(self, kind: str, key: str, value: object) -> None:
        """Keep value, when it is plain data (else nothing is kept: it is made again next time)."""
        if self.folder is None:
            self.memory[(kind, key)] = value
            return
        try:
            data = key.encode("ascii") + b"\n" + _ENCODER.encode(value)
        except Exception:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed, so a reader never sees half an entry.
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)

    def prune(self, kind: str, keep: set[str]) -> int:
        """Remove the entries of a kind whose keys are not in keep (and any a crash left half
        written); returns how many. A build keeps what it used, so the store does not grow with
        every edit, setting or day it has seen."""
        if self.folder is None:
            self.memory = {(k, key): v for (k, key), v in self.memory.items() if k != kind or key in keep}
            return 0
        removed = 0
        for path in (self.folder / kind).glob("*/*"):
            # Never through a linked folder: only what the store itself wrote is removed.
            if path.name not in keep and not path.parent.is_symlink():
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        return removed


def check_target(target: files.Target, config: Config, store: Store,
                 settings: str) -> tuple[Checked, str | None]:
    """runner.check_target, answered from the store when this exact doc was checked before; also
    the entry's key (None when the doc could not be read, so nothing was kept)."""
    try:
        data = files.read(target, config.max_bytes)
    except Exception:
        return runner.check_target(target, config), None
    if not isinstance(data, bytes):
        return runner.check_target(target, config), None
    key = doc_key(settings, target, data)
    found = store.load("check", key, CHECK)
    if found is not None:
        return found, key
    try:
        checked = check_bytes(target.display, data, target.relative, config)
    except Exception as error:  # as runner.check_target: a bug is reported, never cached
        return Checked(target.display, target.relative,
                       diagnostics=[runner.internal_error(target.display, error)]), None
    if _plain(checked):
        store.save("check", key, checked)
    return checked, key


def _plain(checked: Checked) -> bool:
    """Whether the check reads back as it is: its findings are of the kind the store reads back (an
    internal error's traceback would be lost, and it is never kept anyway)."""
    found: list[Diagnostic] = [*checked.diagnostics, *(checked.front.diagnostics if checked.front else ()),
                               *(checked.extraction.diagnostics if checked.extraction else ())]
    return all(type(diagnostic) is Diagnostic for diagnostic in found)


def parity_key(doc: str, html: str) -> str:
    """The key of a parity result: the doc as checked (its doc_key) and the page as rendered."""
    return hashlib.sha256(f"{doc}\0".encode() + html.encode()).hexdigest()
