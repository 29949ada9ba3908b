"""Work once per doc: results kept on disk under a key of everything that decides them.

A doc's check (its parse, instance and diagnostics) and its rendering-parity result are kept under
a hash of the doc's bytes, its path, the linter's own source, the schema, the settings and the
Python and library versions; change any of these and the key changes, so a stale entry is never
found. An entry that cannot be read back (truncated, corrupt, another version's) is ignored and
rewritten. The folder holds nothing else and is safe to delete at any time.

Entries are pickles because a check holds the parsed Document, and reading a pickle can run code:
so the store lives outside the repository (in the user's cache folder, one folder per checkout),
never in a folder a pull request could add files to, and a folder inside the repo is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import handoff_lint
from handoff_lint import files, runner
from handoff_lint.check import Checked, check_bytes
from handoff_lint.config import Config
from handoff_lint.schema import packaged_schema_text

FOLDER_VARIABLE = "HANDOFF_CACHE_DIR"  # where the stores of every checkout are kept


class UnsafeFolder(ValueError):
    """The cache folder is inside the repository, where a committed file could become an entry."""


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


class Store:
    """Entries under a folder, one file each; every failure to read or write is a miss. Without a
    folder, entries are kept in memory for one build only."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[tuple[str, str], object] = {}
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / key

    def load(self, kind: str, key: str) -> object | None:
        if self.folder is None:
            return self.memory.get((kind, key))
        try:
            stored_key, value = pickle.loads(self._path(kind, key).read_bytes())
        except Exception:  # missing, truncated, corrupt, or written by another version: a miss
            self.misses += 1
            return None
        if stored_key != key:
            self.misses += 1
            return None
        self.hits += 1
        found: object = value
        return found

    def save(self, kind: str, key: str, value: object) -> None:
        if self.folder is None:
            self.memory[(kind, key)] = value
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed, so a reader never sees half an entry.
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
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
            if path.name not in keep:
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
    found = store.load("check", key)
    if isinstance(found, Checked):
        return found, key
    try:
        checked = check_bytes(target.display, data, target.relative, config)
    except Exception as error:  # as runner.check_target: a bug is reported, never cached
        return Checked(target.display, target.relative,
                       diagnostics=[runner.internal_error(target.display, error)]), None
    store.save("check", key, checked)
    return checked, key


def parity_key(doc: str, html: str) -> str:
    """The key of a parity result: the doc as checked (its doc_key) and the page as rendered."""
    return hashlib.sha256(f"{doc}\0".encode() + html.encode()).hexdigest()
