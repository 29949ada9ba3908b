"""Benchmark harness: every comparison of the speed issue in one run, as ratios measured side by side.

    python bench/run.py            # full run: warm-up, then several rounds of each comparison
    python bench/run.py --quick    # fewer rounds (a smoke test of the harness, noisier figures)
    python bench/run.py --only 1,3 # some targets only
    python bench/run.py --only 4 --long   # the site, with the 10,000-client profile (about 30 min)
    python bench/run.py --only 6   # quickcheck against jsonschema-rs and jsonschema

Absolute times on a shared machine are noise; the targets are ratios between commands timed in the
same run, rounds interleaved so that a busy moment hits both sides. Peers are installed into a
temporary folder (markdownlint-cli2 from npm, jsonschema-rs from the package index), never into the
project. The table is printed and
written as JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402 - bench/ is not a package; its folder is put on the path above
import lspbench  # noqa: E402
import sitebench  # noqa: E402
import validity  # noqa: E402
from handoff_lint.engine import cache  # noqa: E402
from handoff_lint.site.generators import GENERATORS  # noqa: E402

# The site's steps with any generator do without the MkDocs hook's speed-ups (a second process
# during rendering, the render cache), so their limit is looser than site-1's.
STEPS_LIMIT = 2.0
PYPROJECT = '[tool.handoff]\nclients = "clients"\n'
MARKDOWNLINT = "markdownlint-cli2"
# Byte-code caching on, as on any installed machine: otherwise every run would compile the
# project's modules from source and time the compiler.
# Every command sees the corpus on the day it was written for (generate.TODAY): the same clocks,
# queues and findings whatever day the bench runs, so runs on different days compare.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "HANDOFF_TODAY": generate.TODAY.isoformat()}


@dataclass
class Figure:
    """One target: the measured value, its limit, and whether it holds (None: not measured)."""

    target: str
    what: str
    value: float | None
    limit: float
    unit: str
    better: str  # "lower" or "higher"
    holds: bool | None = None
    note: str = ""

    def judge(self) -> Figure:
        if self.value is not None:
            self.holds = self.value <= self.limit if self.better == "lower" else self.value >= self.limit
        return self


@dataclass
class Timing:
    name: str
    seconds: list[float] = field(default_factory=list)
    max_rss_mb: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu_seconds)


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    returncode: int
    output: str
    cpu_seconds: float = 0.0  # user and system time of the command and all its processes


# Runs each command from a small Python process of its own: the peak RSS a parent reports for a
# child (wait4, RUSAGE_CHILDREN) starts from what the child inherited at fork, so measuring straight
# from this process would count the harness's own memory in every figure.
_WRAPPER = """
import json, os, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[2:], stdout=sys.stdout, stderr=subprocess.STDOUT).returncode
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
report = [seconds, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime]
os.write(int(sys.argv[1]), json.dumps(report).encode())
"""


def measure(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command in a fresh process; its wall time and peak RSS (including its own workers)."""
    read, write = os.pipe()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([sys.executable, "-I", "-c", _WRAPPER, str(write), *command], cwd=cwd,
                                   stdout=out, stderr=subprocess.STDOUT, env=env or ENV,
                                   pass_fds=(write,))
        os.close(write)
        with os.fdopen(read, "rb") as report:
            data = report.read()
        process.wait()
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    seconds, peak_kb, returncode, cpu = json.loads(data or b"[0, 0, -1, 0]")
    return Run(seconds, peak_kb / 1024, returncode, output, cpu)


def paired(timings: dict[str, Timing], numerator: str, denominator: str, cpu: bool = False) -> float:
    """The median of the per-round ratios: rounds are interleaved, so each ratio compares two runs
    made moments apart, and a busy spell on the machine cancels out instead of skewing one side.
    cpu: compare CPU time (user and system) instead of wall time."""
    def values(name: str) -> list[float]:
        return timings[name].cpu_seconds if cpu else timings[name].seconds

    pairs = zip(values(numerator), values(denominator), strict=True)
    return statistics.median(a / b for a, b in pairs)


def rotated(names: Sequence[str], round_number: int) -> list[str]:
    """names in a different order each round, so that none always runs first (or right after another)."""
    shift = round_number % len(names)
    return [*names[shift:], *names[:shift]]


def timed(timings: dict[str, Timing], name: str, command: Sequence[str], cwd: Path,
          env: dict[str, str] | None = None) -> Run:
    run = measure(command, cwd, env)
    timing = timings.setdefault(name, Timing(name))
    timing.seconds.append(run.seconds)
    timing.max_rss_mb.append(run.max_rss_mb)
    timing.cpu_seconds.append(run.cpu_seconds)
    return run


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# Set-up ------------------------------------------------------------------------------------------


def handoff_command() -> list[str]:
    """The installed console script itself, not a shell shim in front of it."""
    script = Path(sysconfig.get_path("scripts")) / "handoff"
    if script.is_file():
        return [str(script)]
    found = shutil.which("handoff")
    return [found] if found else [sys.executable, "-m", "handoff_lint"]


def make_repo(folder: Path, count: int, seed: int = 0) -> list[generate.Client]:
    folder.mkdir(parents=True, exist_ok=True)
    clients = generate.corpus(count, seed)
    generate.write(folder, clients)
    (folder / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    return clients


def install_markdownlint(folder: Path) -> tuple[list[str] | None, str]:
    """node + markdownlint-cli2's entry point, installed from npm into folder; None and why if not."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return None, "npm or node is not installed"
    try:
        result = subprocess.run(
            [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error",
             MARKDOWNLINT], capture_output=True, text=True, timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"npm install {MARKDOWNLINT} failed: {error}"
    if result.returncode != 0:
        return None, f"npm install {MARKDOWNLINT} failed: {result.stderr.strip()[-300:]}"
    package = folder / "node_modules" / MARKDOWNLINT
    try:
        manifest = json.loads((package / "package.json").read_text("utf-8"))
        entry = package / manifest["bin"][MARKDOWNLINT]
    except (OSError, KeyError, ValueError) as error:
        return None, f"{MARKDOWNLINT} installed but its entry point was not found: {error}"
    return [node, str(entry)], f"{MARKDOWNLINT} {manifest.get('version', '?')}"


# Targets -----------------------------------------------------------------------------------------


def target_in_process(repo: Path, rounds: int) -> tuple[list[Figure], dict[str, Any]]:
    """1: the full per-file check against a plain full markdown-it parse of the same docs.

    Each round takes docs no earlier round has seen, so nothing cached per value (a checked
    address, a parsed phone number) carries over; what is built once per schema still is, as in
    a real run. CPU time, so that other work on a shared machine counts less.
    """
    from handoff_lint.contract.config import load
    from handoff_lint.engine.runner import lint_target
    from handoff_lint.reading import files
    from markdown_it import MarkdownIt

    config = load(repo)
    targets, _ = files.discover([repo / "clients"], repo, repo)
    size = len(targets) // (rounds + 1)
    chunks = [targets[i * size:(i + 1) * size] for i in range(rounds + 1)]
    plain = MarkdownIt("commonmark").enable("table")

    def check_all(chunk: list[files.Target]) -> float:
        start = time.process_time()
        for target in chunk:
            lint_target(target, config)
        return (time.process_time() - start) / len(chunk)

    def parse_all(chunk: list[files.Target]) -> float:
        start = time.process_time()
        for target in chunk:
            plain.parse(target.path.read_text("utf-8"))
        return (time.process_time() - start) / len(chunk)

    check_all(chunks[0])
    parse_all(chunks[0])  # warm-up: imports, the schema, lazily loaded library data
    checks, parses = [], []
    for chunk in chunks[1:]:
        checks.append(check_all(chunk))
        parses.append(parse_all(chunk))
    check_ms, parse_ms = statistics.median(checks) * 1e3, statistics.median(parses) * 1e3
    ratio = check_ms / parse_ms
    figure = Figure("1", "in-process full check / plain markdown-it parse, per doc", ratio, 1.0, "x",
                    "lower", note=f"{check_ms:.2f} ms vs {parse_ms:.2f} ms CPU per doc, "
                    f"{rounds} rounds of {size} docs")
    return [figure.judge()], {"check_ms": check_ms, "parse_ms": parse_ms, "docs_per_round": size,
                              "rounds": {"check_ms": [c * 1e3 for c in checks],
                                         "parse_ms": [p * 1e3 for p in parses]}}


def one_doc(clients: list[generate.Client]) -> str:
    return next(c.relative for c in clients if c.defect is None)


def target_whole_repo(repo: Path, rounds: int, handoff: list[str], peer: list[str] | None,
                      peer_note: str, timings: dict[str, Timing]) -> list[Figure]:
    """2: handoff lint over 1,000 clients against markdownlint-cli2 (default rules) on the same files."""
    lint = [*handoff, "lint"]
    if peer is None:
        timed(timings, "handoff lint (repo)", lint, repo)
        return [Figure("2", "markdownlint-cli2 / handoff lint, whole repo", None, 5.0, "x", "higher",
                       note=f"not measured: {peer_note}")]
    markdownlint = [*peer, "clients/**/*.md"]
    measure(lint, repo)
    measure(markdownlint, repo)
    for _ in range(rounds):
        timed(timings, "handoff lint (repo)", lint, repo)
        timed(timings, "markdownlint-cli2 (repo)", markdownlint, repo)
    ours, theirs = timings["handoff lint (repo)"].median, timings["markdownlint-cli2 (repo)"].median
    ratio = paired(timings, "markdownlint-cli2 (repo)", "handoff lint (repo)")
    return [Figure("2", "markdownlint-cli2 / handoff lint, whole repo", ratio, 5.0, "x",
                   "higher", note=f"medians {ours:.2f} s vs {theirs:.2f} s").judge()]


def target_one_file(repo: Path, doc: str, rounds: int, handoff: list[str], peer: list[str] | None,
                    peer_note: str, timings: dict[str, Timing]) -> list[Figure]:
    """3: the pre-commit case, one file: against importing the three libraries, and markdownlint."""
    commands = {
        "handoff lint <doc>": [*handoff, "lint", doc],
        "python -c 'import markdown_it, jsonschema, yaml'":
            [sys.executable, "-c", "import markdown_it, jsonschema, yaml"],
    }
    if peer is not None:
        commands["markdownlint-cli2 <doc>"] = [*peer, doc]
    for command in commands.values():
        measure(command, repo)
    for _ in range(rounds):
        for name, command in commands.items():
            timed(timings, name, command, repo)
    baseline = "python -c 'import markdown_it, jsonschema, yaml'"
    ours, imports = timings["handoff lint <doc>"].median, timings[baseline].median
    figures = [Figure("3a", f"handoff lint <doc> / {baseline}",
                      paired(timings, "handoff lint <doc>", baseline), 1.15, "x", "lower",
                      note=f"medians {ours * 1e3:.0f} ms vs {imports * 1e3:.0f} ms").judge()]
    if peer is None:
        figures.append(Figure("3b", "markdownlint-cli2 <doc> / handoff lint <doc>", None, 3.0, "x",
                              "higher", note=f"not measured: {peer_note}"))
    else:
        theirs = timings["markdownlint-cli2 <doc>"].median
        ratio = paired(timings, "markdownlint-cli2 <doc>", "handoff lint <doc>")
        figures.append(Figure("3b", "markdownlint-cli2 <doc> / handoff lint <doc>", ratio, 3.0, "x",
                              "higher",
                              note=f"medians {theirs * 1e3:.0f} ms vs {ours * 1e3:.0f} ms").judge())
    return figures


# Isolated (-I): run in the project, `python -m` would put its folders first on the import path.
MKDOCS = [sys.executable, "-I", "-m", "mkdocs"]


LSP_BUDGET_MS = 50.0
LSP_PASTE_BYTES = 50 * 1024 * 1024
LSP_PASTE_BUDGET_S = 1.0
LSP_TODAY = "2026-11-20"  # a day on which the example doc is complete: its usual findings, none


def target_lsp(work: Path, rounds: int) -> tuple[list[Figure], dict[str, Any]]:
    """7: the language server's CPU time per change (one character typed, the whole text sent, the
    findings published), on the example doc and on it grown to 500 lines, in the real server;
    against an absolute budget, with a plain markdown-it parse of the same text for scale."""
    repo = work / "lsp"
    relative = "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
    (repo / relative).parent.mkdir(parents=True)
    (repo / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    example = (REPO / relative).read_text("utf-8")
    figures, extra = [], {}
    for target, name, text in (("7a", "example doc", example),
                               ("7b", "500-line doc", lspbench.long_doc(example, 500))):
        (repo / relative).write_text(text, "utf-8")
        means = lspbench.per_change_cpu(repo, relative, text, rounds, 10, {"HANDOFF_TODAY": LSP_TODAY})
        change_ms, parse_ms = lspbench.median_ms(means), lspbench.parse_cpu(text, 20) * 1e3
        lines = text.count("\n")
        figures.append(Figure(target, f"handoff lsp: CPU per change, {name} ({lines} lines)", change_ms,
                              LSP_BUDGET_MS, " ms", "lower",
                              note=f"{change_ms / parse_ms:.1f}x a plain markdown-it parse "
                              f"({parse_ms:.1f} ms); mean of 10 changes, median of {rounds} rounds"
                              ).judge())
        extra[target] = {"lines": lines, "change_ms": [m * 1e3 for m in means], "parse_ms": parse_ms}
    (repo / relative).write_text(example, "utf-8")
    cost, published, peak_kb = lspbench.refusal_cpu(repo, relative, example, LSP_PASTE_BYTES,
                                                    {"HANDOFF_TODAY": LSP_TODAY})
    refused = [d["code"] for d in published] == ["HO104"]
    figures.append(Figure("7c", "handoff lsp: CPU for a change pasting 50 MB (refused, HO104)",
                          cost if refused else None, LSP_PASTE_BUDGET_S, " s", "lower",
                          note=(f"server peak RSS {peak_kb / 1024:.0f} MB (the message is held whole "
                                "while it is read)") if refused else f"not refused: {published}"
                          ).judge())
    extra["7c"] = {"cpu_s": cost, "peak_rss_kb": peak_kb, "published": published}
    return figures, extra


def _build(timings: dict[str, Timing], name: str, project: Path, site: Path, cold: bool = True) -> Run:
    """One `mkdocs build` (not strict: a tenth of the generated docs carry a defect on purpose)."""
    if cold:
        shutil.rmtree(cache.folder_for(project, os.environ, Path.home()), ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    run = timed(timings, name, [*MKDOCS, "build", "--quiet", "--site-dir", str(site)],
                project)
    if run.returncode != 0:
        raise RuntimeError(f"{name}: exit {run.returncode}: {run.output.strip()[-500:]}")
    return run


def _steps(timings: dict[str, Timing], generator: str, project: Path, site: Path) -> Run:
    """One `handoff site build` with a generator, from a cold cache (not strict, as _build)."""
    shutil.rmtree(cache.folder_for(project, os.environ, Path.home()), ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    run = timed(timings, _STEPS_NAME.format(generator), [*handoff_command(), "site", "build", "--generator",
                                                          generator, "-d", str(site)], project)
    if run.returncode != 0:
        raise RuntimeError(f"site build with {generator}: exit {run.returncode}: {run.output.strip()[-500:]}")
    return run


_STEPS_NAME = "handoff site build --generator {}, 1,000 clients (cold cache)"


def _kb(size: float) -> str:
    return f"{size / 1024:.0f} KB"


def target_site(work: Path, rounds: int, timings: dict[str, Timing], long: bool) -> list[Figure]:
    """Site targets 1-5: hooks against plain mkdocs-material with the same pages and navigation
    (1,000 clients), 10,000 against 1,000 clients (long profile), page sizes, search in Chromium,
    and a rebuild after one changed doc against a cold build."""
    if not (REPO / "mkdocs.yml").is_file():
        return [Figure("site-1", "mkdocs build with hooks / plain, 1,000 clients", None, 1.3, "x", "lower",
                       note="not measured: no mkdocs.yml")]
    log("site: writing 100 and 1,000 client projects and the plain baseline (the hooks' own pages)")
    small = sitebench.project(REPO, work / "site-100", 100)
    big = sitebench.project(REPO, work / "site-1000", 1000)
    plain = sitebench.export_plain(big, work / "site-1000-plain")
    clients = sitebench.corpus(1)
    names = {"hooks": "mkdocs build, 1,000 clients, our hooks (cold cache)",
             "plain": "mkdocs build, 1,000 clients, plain mkdocs-material, same pages and nav",
             "small": "mkdocs build, 100 clients, our hooks (cold cache)",
             "rebuild": "mkdocs build, 1,000 clients, after one doc changed (warm cache)"}
    measure([*MKDOCS, "build", "--quiet", "--site-dir", str(work / "warm-up")], small)
    changed = big / clients[0].relative
    for round_number in range(rounds):
        log(f"site: round {round_number + 1} of {rounds}")
        _build(timings, names["hooks"], big, work / "out-1000")
        # One doc changes (a note in its People table), then the site is built again on the cache the
        # cold build left (before any other build empties it).
        changed.write_text(sitebench.edit_note(changed.read_text("utf-8"), round_number), "utf-8")
        _build(timings, names["rebuild"], big, work / "out-1000-again", cold=False)
        _build(timings, names["plain"], plain, work / "out-plain")
        _build(timings, names["small"], small, work / "out-100")
        for generator in GENERATORS:
            _steps(timings, generator, big, work / f"out-1000-{generator}")
    hooks, plain_s, hundred, rebuild = (timings[names[key]].median
                                        for key in ("hooks", "plain", "small", "rebuild"))
    sizes_1000 = sitebench.sizes(work / "out-1000")
    page_100 = sitebench.client_page(work / "out-100", clients[0]).stat().st_size
    page_1000 = sitebench.client_page(work / "out-1000", clients[0]).stat().st_size
    figures = [
        Figure("site-1", "mkdocs build with hooks (cold cache) / plain mkdocs-material, same pages and nav, "
               "1,000 clients", paired(timings, names["hooks"], names["plain"]), 1.3, "x", "lower",
               note=f"medians {hooks:.1f} s vs {plain_s:.1f} s; CPU time (both cores) "
               f"{timings[names['hooks']].median_cpu:.1f} s vs {timings[names['plain']].median_cpu:.1f} s"
               ).judge(),
        Figure("site-1b", "mkdocs build 1,000 clients / 100 clients (with hooks)",
               paired(timings, names["hooks"], names["small"]), 11.0, "x", "lower",
               note=f"medians {hooks:.1f} s vs {hundred:.1f} s").judge(),
        Figure("site-3", "largest HTML page, 1,000 clients", sizes_1000.largest / 1024, 500, "KB", "lower",
               note=f"{sizes_1000.largest_page}; dashboard {_kb(sizes_1000.dashboard)}, site "
               f"{sizes_1000.total / 2**20:.0f} MB, search index {sizes_1000.search_index / 2**20:.1f} MB, "
               f"{sizes_1000.html_pages} pages").judge(),
        Figure("site-3b", "client page at 1,000 clients / the same page at 100", page_1000 / page_100, 1.1,
               "x", "lower", note=f"{_kb(page_1000)} vs {_kb(page_100)}").judge(),
        Figure("site-5", "rebuild after one doc of 1,000 changed / build from a cold cache",
               paired(timings, names["rebuild"], names["hooks"]), 0.7, "x", "lower",
               note=f"medians {rebuild:.1f} s vs {hooks:.1f} s").judge(),
        *(Figure(f"site-6 {generator}", f"handoff site build --generator {generator} (cold cache) / plain "
                 "mkdocs-material, same pages and nav, 1,000 clients",
                 paired(timings, _STEPS_NAME.format(generator), names["plain"]), STEPS_LIMIT, "x", "lower",
                 note=f"median {timings[_STEPS_NAME.format(generator)].median:.1f} s").judge()
          for generator in GENERATORS),
    ]
    if not long:
        figures += _search_figures(work / "out-1000", clients[0], work, "1,000")
        return figures
    log("site: long profile, 10,000 clients (one build)")
    huge = sitebench.project(REPO, work / "site-10000", 10000)
    run = _build(timings, "mkdocs build, 10,000 clients, our hooks (cold cache)", huge, work / "out-10000")
    sizes_10000 = sitebench.sizes(work / "out-10000")
    page_10000 = sitebench.client_page(work / "out-10000", clients[0]).stat().st_size
    figures += [
        Figure("site-2", "mkdocs build 10,000 clients / 1,000 clients (with hooks, cold cache)",
               run.seconds / hooks, 11.0, "x", "lower", note=f"{run.seconds:.0f} s vs {hooks:.1f} s").judge(),
        Figure("site-2b", "peak RSS, mkdocs build of 10,000 clients", run.max_rss_mb, 1024, "MB",
               "lower").judge(),
        Figure("site-2c", "site bytes 10,000 clients / 1,000 clients", sizes_10000.total / sizes_1000.total,
               11.0, "x", "lower", note=f"{sizes_10000.total / 2**20:.0f} MB vs "
               f"{sizes_1000.total / 2**20:.0f} MB; search index {sizes_10000.search_index / 2**20:.0f} MB"
               ).judge(),
        Figure("site-3c", "largest HTML page, 10,000 clients", sizes_10000.largest / 1024, 500, "KB",
               "lower", note=f"{sizes_10000.largest_page}; dashboard {_kb(sizes_10000.dashboard)}, "
               f"{sizes_10000.html_pages} pages").judge(),
        Figure("site-3d", "client page at 10,000 clients / the same page at 100", page_10000 / page_100, 1.1,
               "x", "lower", note=f"{_kb(page_10000)} vs {_kb(page_100)}").judge(),
    ]
    figures += _search_figures(work / "out-10000", clients[0], work, "10,000")
    return figures


def _search_figures(site: Path, client: generate.Client, work: Path, count: str) -> list[Figure]:
    """Target 4, in headless Chromium: the planted contact's surname typed on a freshly opened page."""
    log(f"site: search in Chromium over {count} clients")
    found = sitebench.search(site, client, work / f"chromium-{count}")
    if isinstance(found, str):
        return [Figure("site-4", f"search at {count} clients: keystroke to first result", None, 1.0, "s",
                       "lower", note=f"not measured: {found}")]
    right = Figure("site-4b", f"search at {count} clients: the right client is the first result",
                   float(found.first == found.expected), 1.0, "", "higher",
                   note=f"first {found.first}").judge()
    return [
        Figure("site-4", f"search at {count} clients: first keystroke of a contact's surname to the "
               "first result shown (fresh page)", found.seconds, 1.0, "s", "lower").judge(),
        right,
        Figure("site-4c", f"search at {count} clients: bytes fetched for search by the page",
               found.bytes / 1024, 1024, "KB", "lower", note=f"{found.requests} requests").judge(),
    ]


def target_memory(repo: Path, work: Path, handoff: list[str], timings: dict[str, Timing]) -> list[Figure]:
    """5: peak RSS linting 1,000 clients, and refusing a 50 MB file."""
    serial = timed(timings, "handoff lint --jobs 1 (repo)", [*handoff, "lint", "--jobs", "1"], repo)
    default = timed(timings, "handoff lint (repo, memory)", [*handoff, "lint"], repo)
    huge_repo = work / "huge"
    huge = huge_repo / "clients" / "huge-file" / "01-handoff" / "handoff-huge-file-2026-01-05.md"
    huge.parent.mkdir(parents=True)
    (huge_repo / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    block = "| Risk | Likelihood | Mitigation suggested |\n" * 1024
    with huge.open("w", encoding="utf-8") as handle:
        handle.write("---\nclient: Huge\n---\n")
        for _ in range(50 * 1024 * 1024 // len(block)):
            handle.write(block)
    refused = timed(timings, "handoff lint <50 MB file>", [*handoff, "lint", str(huge)], huge_repo)
    diagnosed = refused.returncode == 1 and "HO104" in refused.output
    figures = [
        Figure("5a", "peak RSS, handoff lint of 1,000 clients (one process, --jobs 1)",
               serial.max_rss_mb, 150, "MB", "lower",
               note=f"default --jobs: largest process {default.max_rss_mb:.0f} MB").judge(),
        Figure("5b", "peak RSS, handoff lint refusing a 50 MB file", refused.max_rss_mb, 100, "MB",
               "lower", note="refused with HO104" if diagnosed
               else f"NOT refused with a diagnostic (exit {refused.returncode})").judge(),
    ]
    if not diagnosed:
        figures[1].holds = False
    return figures


def parallel_identical(repo: Path, handoff: list[str]) -> Figure:
    serial = measure([*handoff, "lint", "--jobs", "1"], repo)
    spread = measure([*handoff, "lint", "--jobs", str(os.cpu_count() or 2)], repo)
    same = serial.output == spread.output and serial.returncode == spread.returncode
    figure = Figure("-", "parallel lint output identical to --jobs 1 (1,000 clients)", float(same), 1.0,
                    "", "higher", note=f"{len(serial.output.splitlines())} lines of output")
    return figure.judge()


def install_python_peer(folder: Path, name: str) -> tuple[dict[str, str] | None, str]:
    """An environment whose Python also finds package name, installed into folder; None and why if not."""
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--target", str(folder), name]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"pip install {name} failed: {error}"
    if result.returncode != 0:
        return None, f"pip install {name} failed: {result.stderr.strip()[-300:]}"
    env = {**ENV, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), ENV.get("PYTHONPATH")]))}
    probe = f"import importlib.metadata as m; print(m.version({name!r}))"
    version = subprocess.run([sys.executable, "-c", probe],
                             env=env, capture_output=True, text=True, check=False).stdout.strip()
    return env, f"{name} {version}"


def target_validity(repo: Path, doc: str, work: Path, rounds: dict[str, int],
                    timings: dict[str, Timing]) -> tuple[list[Figure], dict[str, Any]]:
    """6: the quick validity test, hand-compiled (quickcheck) against jsonschema-rs and jsonschema:
    CPU per doc over the corpus, and the one-file run as a new process (imports included)."""
    env, note = install_python_peer(work / "python-peers", "jsonschema-rs")
    if env is None:
        return [Figure("6a", "validity test per doc: jsonschema-rs / quickcheck (CPU)", None, 1.0, "x",
                       "higher", note=f"not measured: {note}")], {}
    script = str(BENCH / "validity.py")
    result = subprocess.run([sys.executable, script, "corpus", str(repo), str(rounds["cpu"])], cwd=repo,
                            env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"bench/validity.py corpus: {result.stderr.strip()[-500:]}")
    found = json.loads(result.stdout)
    per_doc = {variant: statistics.median(values) for variant, values in found["micros"].items()}
    names = {variant: f"handoff lint <doc>, {variant}" for variant in validity.VARIANTS}
    for variant in validity.VARIANTS:
        measure([sys.executable, script, "lint", variant, doc], repo, env)
    for round_number in range(rounds["process"]):
        for variant in rotated(validity.VARIANTS, round_number):
            run = timed(timings, names[variant], [sys.executable, script, "lint", variant, doc], repo, env)
            if run.returncode != 0:
                raise RuntimeError(f"{names[variant]}: exit {run.returncode}: {run.output.strip()[-500:]}")
    one = {variant: timings[names[variant]].median_cpu * 1e3 for variant in validity.VARIANTS}

    def ratio(variant: str) -> float:
        return statistics.median(theirs / ours for theirs, ours in zip(
            found["micros"][variant], found["micros"]["quickcheck"], strict=True))

    rust_corpus, rust_one = ratio("jsonschema-rs"), paired(timings, names["jsonschema-rs"],
                                                           names["quickcheck"], cpu=True)
    figures = [
        Figure("6a", "validity test per doc, 1,000 docs: jsonschema-rs / quickcheck (CPU)", rust_corpus,
               1.0, "x", "higher", note=f"{per_doc['jsonschema-rs']:.0f} us vs {per_doc['quickcheck']:.0f} "
               f"us per doc, {note}").judge(),
        Figure("6b", "handoff lint <doc> with jsonschema-rs / with quickcheck (CPU, new process)", rust_one,
               1.0, "x", "higher", note=f"medians {one['jsonschema-rs']:.0f} ms vs {one['quickcheck']:.0f} ms"
               ).judge(),
        Figure("6c", "validity test per doc, 1,000 docs: jsonschema / quickcheck (CPU)", ratio("jsonschema"),
               1.0, "x", "higher", note=f"{per_doc['jsonschema']:.0f} us vs {per_doc['quickcheck']:.0f} us"
               ).judge(),
        Figure("6d", "handoff lint <doc> with jsonschema / with quickcheck (CPU, new process)",
               paired(timings, names["jsonschema"], names["quickcheck"], cpu=True), 1.0, "x", "higher",
               note=f"medians {one['jsonschema']:.0f} ms vs {one['quickcheck']:.0f} ms").judge(),
        Figure("-", "quickcheck kept: jsonschema-rs is not faster both per doc and on one file",
               float(rust_corpus >= 1.0 or rust_one >= 1.0), 1.0, "", "higher").judge(),
        Figure("-", f"every test agrees with jsonschema on all {found['docs']} docs "
               f"({found['valid']} valid)", float(set(found["agree"].values()) == {found["docs"]}), 1.0, "",
               "higher", note=", ".join(f"{v}: {n}" for v, n in found["agree"].items())).judge(),
    ]
    return figures, {**found, "one_file_cpu_ms": one}


# Report ------------------------------------------------------------------------------------------


def table(figures: list[Figure], timings: dict[str, Timing]) -> str:
    rows = ["| target | figure | measured | limit | holds | note |", "|---|---|---|---|---|---|"]
    for f in figures:
        value = "-" if f.value is None else (f"{f.value:.2f}{f.unit}" if f.unit != "MB"
                                             else f"{f.value:.0f} MB")
        if f.target == "-":
            value = "yes" if f.value else "no"
        limit = "" if f.target == "-" else ("<= " if f.better == "lower" else ">= ") + (
            f"{f.limit:g}{f.unit}" if f.unit != "MB" else f"{f.limit:g} MB")
        holds = "not measured" if f.holds is None else ("yes" if f.holds else "NO")
        rows.append(f"| {f.target} | {f.what} | {value} | {limit} | {holds} | {f.note} |")
    rows += ["", "| command | runs | median | min | max | peak RSS |", "|---|---|---|---|---|---|"]
    for t in timings.values():
        rows.append(f"| {t.name} | {len(t.seconds)} | {t.median:.3f} s | {min(t.seconds):.3f} s | "
                    f"{max(t.seconds):.3f} s | {max(t.max_rss_mb):.0f} MB |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds (noisier, about 5 minutes)")
    parser.add_argument("--only", default="1,2,3,4,5,6,7",
                        help="comma-separated targets to run (default: all)")
    parser.add_argument("--clients", type=int, default=1000, help="clients in the whole-repo corpus")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--long", action="store_true",
                        help="site: also build 10,000 clients and search them (about half an hour)")
    arguments = parser.parse_args(argv)
    only = set(arguments.only.split(","))
    rounds = {"cpu": 3 if arguments.quick else 6, "process": 7 if arguments.quick else 21,
              "repo": 2 if arguments.quick else 5, "site": 1 if arguments.quick else 2}
    work = Path(tempfile.mkdtemp(prefix="handoff-bench-"))
    handoff = handoff_command()
    figures: list[Figure] = []
    timings: dict[str, Timing] = {}
    extra: dict[str, Any] = {}
    started = time.perf_counter()
    try:
        repo = work / "repo"
        log(f"writing {arguments.clients} synthetic clients under {repo}")
        clients = make_repo(repo, arguments.clients)
        peer, peer_note = (None, "not needed")
        if only & {"2", "3"}:
            log(f"installing {MARKDOWNLINT} from npm into {work / 'npm'}")
            peer, peer_note = install_markdownlint(work / "npm")
            log(peer_note if peer else f"{peer_note}; its comparisons are marked not measured")
        if "1" in only:
            log("target 1: in-process check against a plain markdown-it parse")
            found, extra["in_process"] = target_in_process(repo, rounds["cpu"])
            figures += found
        if "2" in only:
            log("target 2: whole repo against markdownlint-cli2")
            figures += target_whole_repo(repo, rounds["repo"], handoff, peer, peer_note, timings)
            figures.append(parallel_identical(repo, handoff))
        if "3" in only:
            log("target 3: one file")
            figures += target_one_file(repo, one_doc(clients), rounds["process"], handoff, peer,
                                       peer_note, timings)
        if "6" in only:
            log("target 6: quickcheck against jsonschema-rs and jsonschema")
            found, extra["validity"] = target_validity(repo, one_doc(clients), work, rounds, timings)
            figures += found
        if "5" in only:
            log("target 5: memory")
            figures += target_memory(repo, work, handoff, timings)
        if "7" in only:
            log("target 7: the language server, CPU per change")
            found, extra["lsp"] = target_lsp(work, rounds["cpu"])
            figures += found
        if "4" in only:
            log("target 4: the site (the slow part)")
            figures += target_site(work, rounds["site"], timings, arguments.long)
    finally:
        if not arguments.keep:
            shutil.rmtree(work, ignore_errors=True)
    figures.sort(key=lambda f: (f.target == "-", f.target))
    report = table(figures, timings)
    print(report)
    measured = [f for f in figures if f.holds is not None]
    held = sum(bool(f.holds) for f in measured)
    print(f"\n{held} of {len(measured)} measured figures hold"
          + (f"; {len(figures) - len(measured)} not measured" if len(measured) < len(figures) else "")
          + f". Run took {time.perf_counter() - started:.0f} s.")
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    data = {
        "when": stamp, "quick": arguments.quick, "clients": arguments.clients,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "figures": [asdict(f) for f in figures],
        "timings": {name: {**asdict(t), "median": t.median} for name, t in timings.items()},
        **extra,
    }
    for name in (f"{stamp}.json", "latest.json"):
        (results / name).write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(f"Results written to {results / (stamp + '.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
