"""The second process that checks docs, checks rendered pages and makes the downloads while MkDocs
renders (the jobs are handoff_lint.site.background's), started as is safe where the build runs."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import ParamSpec, TypeVar

from handoff_lint.contract.config import Config
from handoff_lint.engine import parallel
from handoff_lint.engine.reporters import printable
from handoff_lint.site import background

_P = ParamSpec("_P")
_T = TypeVar("_T")
PARITY_BATCH = 25  # client pages handed to the worker at a time
_Differences = list[list[tuple[int, str]]]  # by page: (line, message)


class InPlace(Executor):
    """Runs each job at once, in this process: where no second process can be started safely."""

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        done: Future[_T] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except Exception as error:  # the job's failure, reported where its result is read
            done.set_exception(error)
        return done


def start() -> Executor:
    # Forked where it is safe, in a process of one thread (`mkdocs build`): a spawned worker would run
    # the main script again, and whoever calls MkDocs from a script may not guard it. `mkdocs serve`
    # runs threads, whose locks a fork would copy held: there it is spawned (its main is guarded).
    forkable = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    if forkable and sys.platform.startswith("linux"):
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    # Spawned in the repo's working folder (`mkdocs serve`): kept from importing it (parallel.safe_path),
    # and where nothing can keep it so, the jobs run in this process.
    if not parallel.can_spawn_safely():
        return InPlace()
    with parallel.safe_path():
        worker = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        worker.submit(os.getpid).result()  # the worker is started by its first job
    return worker



@dataclass
class Background:
    """The second process of one build, and what it was given: the downloads, and the parity check
    of each rendered client page (handed over in batches, its findings read at the end)."""

    executor: Executor | None = None
    downloads: Future[dict[str, str]] | None = None
    _waiting: list[background.ParityJob] = field(default_factory=list)
    _parity: list[tuple[list[str], Future[_Differences]]] = field(default_factory=list)

    def start(self) -> Executor:
        self.stop()
        self.executor = start()
        return self.executor

    def check_parity(self, job: background.ParityJob, store: Path | None, config: Config) -> None:
        self._waiting.append(job)
        if len(self._waiting) >= PARITY_BATCH:
            self._hand_over(store, config)

    def parity_known(self, doc: str, differences: list[tuple[int, str]]) -> None:
        """A page's differences, known without checking it again (from the store)."""
        done: Future[_Differences] = Future()
        done.set_result([differences])
        self._parity.append(([doc], done))

    def _hand_over(self, store: Path | None, config: Config) -> None:
        jobs, self._waiting = self._waiting, []
        if jobs:
            assert self.executor is not None
            future = self.executor.submit(background.parity_differences, jobs, store, config)
            self._parity.append(([target.display for target, _, _ in jobs], future))

    def parity_findings(self, store: Path | None, config: Config) -> list[str]:
        """Every difference between a page and its doc, as `path:line:col: message`."""
        self._hand_over(store, config)
        found = []
        for paths, future in self._parity:
            try:
                results = future.result()
            except Exception as error:
                found += [f"{path}:1:1: the parity check failed: {printable(repr(error))}" for path in paths]
                continue
            found += [background.parity_finding(path, line, message)
                      for path, differences in zip(paths, results, strict=True)
                      for line, message in differences]
        return found

    def stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor, self.downloads = None, None
        self._parity.clear()
        self._waiting.clear()
