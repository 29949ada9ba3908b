"""Lint many files on every core: the same per-file function as a serial run, results in input order.

A handful of files (the pre-commit case) stays in this process: starting workers costs more than
they save, and the one-file run must stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial

from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine.runner import lint_target
from handoff_lint.reading.files import Target

SERIAL_BELOW = 50
CHUNKS_PER_WORKER = 4
_SAFE_PATH = "PYTHONSAFEPATH"


def can_spawn_safely() -> bool:
    """Whether a spawned worker can be kept from importing the working folder (Python 3.11 on)."""
    return sys.version_info >= (3, 11)


@contextmanager
def safe_path() -> Iterator[None]:
    """While worker processes start: a spawned worker, and the resource tracker its queues start,
    are `python -c ...` in this process's working folder (the repo), which Python puts first on
    their sys.path, so a committed multiprocessing/ would run there. PYTHONSAFEPATH keeps it off."""
    before = os.environ.get(_SAFE_PATH)
    os.environ[_SAFE_PATH] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[_SAFE_PATH]
        else:
            os.environ[_SAFE_PATH] = before


def _serial(targets: Sequence[Target], config: Config) -> list[Diagnostic]:
    return [diagnostic for target in targets for diagnostic in lint_target(target, config)]


def lint_targets(targets: Sequence[Target], config: Config, jobs: int | None = None) -> list[Diagnostic]:
    """Every target's diagnostics, concatenated in the order of targets whatever the job count."""
    jobs = jobs if jobs is not None and jobs > 0 else os.cpu_count() or 1
    if jobs == 1 or len(targets) < SERIAL_BELOW:
        return _serial(targets, config)
    # Imported here: a one-file run never needs them (multiprocessing alone costs it 9 ms).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    forked = "fork" in multiprocessing.get_all_start_methods()
    if not (forked or can_spawn_safely()):
        return _serial(targets, config)

    # The first file is checked here before the workers start, so with fork they inherit the
    # loaded schema, the built validator and the libraries' lazily loaded data instead of each
    # building their own.
    found = lint_target(targets[0], config)
    rest = targets[1:]
    workers = min(jobs, len(rest))
    context = multiprocessing.get_context("fork" if forked else "spawn")
    chunksize = max(1, len(rest) // (workers * CHUNKS_PER_WORKER))
    with safe_path(), ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for diagnostics in pool.map(partial(lint_target, config=config), rest, chunksize=chunksize):
            found += diagnostics
    return found
