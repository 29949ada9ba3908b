"""Fuzz the linter: mutate the example handoff docs at random and check it never fails on them.

Each input is one of the example docs in clients/ with a few mutations, as a hand-edited file
gets them: lines deleted, duplicated or swapped, the text cut short, random Unicode, random bytes
or a Markdown/YAML token inserted. For every input the linter must not raise (so `handoff lint`
never exits 2 on it) and every finding must point at a line inside the file, at a column >= 1,
with a registered code and a fix hint.

    python bench/fuzz.py --examples 100000            # the long profile, one core
    python bench/fuzz.py --examples 2000 --seed 7     # a quick look
    python bench/fuzz.py --examples 20000 --fixes     # also: --fix never loses a line of text

Failing inputs are written to bench/results/fuzz-failures/ (one .md per failure, with the
reason in a .txt next to it) and the run's figures to bench/results/fuzz.json. The quick profile
of the same property runs in the test suite (tests/test_fuzz.py, with hypothesis).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from handoff_lint.codes import REGISTRY
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine.check import check_bytes
from handoff_lint.engine.fixes import fix_text
from handoff_lint.reading.source import Source, decode

REPO = Path(__file__).resolve().parents[1]
SLOW_SECONDS = 2  # the most one doc may take to lint, whatever it holds
RESULTS = REPO / "bench" / "results"

KINDS = ("delete", "duplicate", "swap", "truncate", "text", "bytes", "token", "hostile", "shape")
# Invalid UTF-8 and a cut-short file stop the pipeline at the first step, so they are drawn less
# often than the mutations that reach the parsers and the checks.
WEIGHTS = (3, 3, 3, 1, 3, 1, 4, 3, 1)
# Pieces that mean something to the front matter or the Markdown parser, so mutations reach past
# the first refusal more often than random characters would.
TOKENS = (
    "\n", "---\n", "...\n", "# ", "## ", "### ", "- ", "  - ", "1. ", "> ", "**", "__", ": ", "|",
    "| x |", "|---|", "\\|", "`", "```\n", "~~~", "&a ", "*a", "!!str ", "!!python/object ", "? ",
    "{", "}", "[", "]", "'", '"', "#", "\t", "\r", "\r\n", "\ufeff", "\u2028", "\u00a0", "—", "é",
    "<!--", "-->", "<script>", "<div>", "    ", "  \n", "[x](", "![", "\\", "%YAML 1.1\n", "%TAG ",
    # What text pasted from Word, a spreadsheet or a mail program brings, and what --fix rewrites.
    "\n• ", "\n◦ ", "\n– ", "\n(1) ", "\n2. ", "Medium", "12 Jan 2027", "01/02/2027", "£7k",
    "Ann <a@b.example>", "\tx\ty", "\n•\u00a0\u00a0", "\n2.\u00a0\u00a0", "\n(3)\u00a0",
)

# What an attacker (rather than a hand edit) puts into a doc: characters nobody sees, bidi controls,
# look-alike and fullwidth letters, entities, control characters and YAML escapes that spell them,
# values that show as nothing, and dates and numbers far outside any real doc's.
HOSTILE = (
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2067", "\u2069",
    "\u061c", "\u200e", "\u00ad", "\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u00a0",
    "\u3000", "\u180e", "\ufe0f", "\U000e0041", "\x1b[2J", "\x9b", "\x85", "\x07", "\ue000",
    "T\u200bBD", "TO\u200dDO", "ＴＢＤ", "ТВD", "ΤΒC", "ХХХ", "&lt;client name&gt;", "［AM name］",
    "\u202eDBT\u202c", "𝐓𝐎𝐃𝐎", '"\\u200b"', '"\\e[2J"', '"a\\nBcc: x@example.com"', '"\\x9b"',
    '"\\L"', "0001-01-01", "9999-12-31", "2099-12-31", "2000-01-01", "1999-12-31", "9" * 30,
    "9" * 4_301, "£" + "9" * 27, "40." + "0" * 29 + "1%", "1e999", "-0", "0x1F",
)


def shape(rng: random.Random) -> bytes:
    """A block shaped to make a parser or a renderer slow: long runs of backticks, brackets, `<a`
    or emphasis, and lists or quotes nested deep."""
    size = rng.choice((10, 300, 2_500, 10_000))
    kind = rng.randrange(6)
    if kind == 0:
        text = rng.choice(("`", "[", "![", "[a](", "<a", "*a", "_a", "\\[", "&a;", "- - ")) * (size // 2)
    elif kind == 1:
        text = "\n".join((rng.choice(("[", "`", "<a", "*")) * 99) for _ in range(size // 100))
    elif kind == 2:
        text = "".join("    " * depth + "- a\n" for depth in range(min(size, 600)))
    elif kind == 3:
        text = "".join(">" * depth + " a\n" for depth in range(min(size, 600)))
    elif kind == 4:
        text = "\n".join("- " * 50 + "x" for _ in range(size // 100))
    else:
        text = "`" * rng.randint(1, 1_500) + "a" + "`" * rng.randint(1, 1_500)
    return ("\n" + text + "\n").encode("utf-8")


Mutation = tuple[str, float, float, bytes]


def seeds(clients: Path = REPO / "clients") -> list[tuple[PurePosixPath, bytes]]:
    """The example docs, with their paths under the repo (so path checks run too)."""
    return [(PurePosixPath(path.relative_to(clients.parent).as_posix()), path.read_bytes())
            for path in sorted(clients.glob("*/01-handoff/handoff-*.md"))]


def apply(data: bytes, mutations: Sequence[Mutation]) -> bytes:
    """Apply mutations in turn; positions are fractions of the current size, so any value fits."""
    for kind, where, other, payload in mutations:
        lines = data.split(b"\n")
        index, second = int(where * len(lines)), int(other * len(lines))
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            lines[index], lines[second] = lines[second], lines[index]
        if kind in ("delete", "duplicate", "swap"):
            data = b"\n".join(lines)
        elif kind == "truncate":
            data = data[:int(where * (len(data) + 1))]
        else:
            at = int(where * (len(data) + 1))
            data = data[:at] + payload + data[at:]
    return data


def line_count(data: bytes) -> int:
    """Lines as the linter counts them: CRLF and a lone CR end a line as LF does."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def examine(data: bytes, relative: PurePosixPath, config: Config) -> tuple[list[Diagnostic], list[str]]:
    """The linter's findings on data, and what is wrong with them (empty when it behaved)."""
    try:
        found = check_bytes(str(relative), data, relative, config).diagnostics
    except Exception:  # the property under test: nothing an AE commits makes the linter raise
        return [], ["raised:\n" + traceback.format_exc()]
    lines = line_count(data)
    problems = []
    for d in found:
        where = f"{d.code} at {d.line}:{d.column} ({d.message})"
        if not 1 <= d.line <= lines:
            problems.append(f"line outside the file ({lines} lines): {where}")
        if d.column < 1:
            problems.append(f"column before the line: {where}")
        if d.code not in REGISTRY:
            problems.append(f"unregistered code: {where}")
        if not d.hint.strip():
            problems.append(f"no fix hint: {where}")
    return found, problems


def _filled(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


def fix_violations(data: bytes, relative: PurePosixPath, config: Config) -> list[str]:
    """What `handoff lint --fix --unsafe-fixes` would do wrong to data: lose a line, empty one,
    change a line no fix touched, or leave something for a second run to fix."""
    decoded = decode(str(relative), data, config.max_bytes)
    if not isinstance(decoded, Source):
        return []  # unreadable: --fix leaves it alone
    try:
        fixed = fix_text(str(relative), decoded.text, relative, config, unsafe=True)
        again = fix_text(str(relative), fixed.text, relative, config, unsafe=True)
    except Exception:
        return ["--fix raised:\n" + traceback.format_exc()]
    before, after = decoded.text.split("\n"), fixed.text.split("\n")
    problems = []
    if len(after) < len(before):
        problems.append(f"--fix lost lines: {len(before)} before, {len(after)} after")
    if _filled(fixed.text) < _filled(decoded.text):
        problems.append("--fix emptied a line that had text")
    edits = [e for d in fixed.fixed if d.fix for e in d.fix.edits]
    if not any("\n" in e.new for e in edits):
        touched = {e.line for e in edits}
        if [b for n, b in enumerate(before, 1) if n not in touched] != [
                a for n, a in enumerate(after, 1) if n not in touched]:
            problems.append("--fix changed a line no fix touched")
    if again.fixed:
        problems.append(f"--fix is not idempotent: a second run fixes {[d.code for d in again.fixed]}")
    return problems


def violations(data: bytes, relative: PurePosixPath, config: Config) -> list[str]:
    return examine(data, relative, config)[1]


def random_mutation(rng: random.Random) -> Mutation:
    kind = rng.choices(KINDS, WEIGHTS)[0]
    payload = b""
    if kind == "text":
        # Any code point but surrogates, weighted towards the first planes where text lives.
        size = rng.randint(1, 8)
        points = (rng.randint(0, rng.choice((0x7F, 0x7FF, 0xFFFF, 0x10FFFF))) for _ in range(size))
        payload = "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF).encode("utf-8")
    elif kind == "bytes":
        payload = rng.randbytes(rng.randint(1, 8))
    elif kind == "token":
        payload = rng.choice(TOKENS).encode("utf-8") * rng.choice((1, 1, 1, 2, 3, 50))
    elif kind == "hostile":
        payload = rng.choice(HOSTILE).encode("utf-8", "surrogatepass") * rng.choice((1, 1, 1, 3, 500))
    elif kind == "shape":
        payload = shape(rng)
    return kind, rng.random(), rng.random(), payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz the linter with mutated example docs.")
    parser.add_argument("--examples", type=int, default=100_000, help="inputs to try (default 100,000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--max-mutations", type=int, default=6, help="mutations per input (default 6)")
    parser.add_argument("--fixes", action="store_true",
                        help="also apply every fix to each input and check no line of text is lost "
                        "(several checks per input: slower)")
    arguments = parser.parse_args(argv)

    rng = random.Random(arguments.seed)
    docs = seeds()
    config = Config(root=REPO)
    failures_dir = RESULTS / "fuzz-failures"
    failures = 0
    codes: dict[str, int] = {}
    slowest = (0.0, "")
    slow = 0  # inputs that took over SLOW_SECONDS to lint
    started = time.perf_counter()
    for number in range(1, arguments.examples + 1):
        relative, original = rng.choice(docs)
        mutations = [random_mutation(rng) for _ in range(rng.randint(1, arguments.max_mutations))]
        data = apply(original, mutations)
        begun = time.process_time()  # CPU time: a busy machine does not make an input slow
        found, problems = examine(data, relative, config)
        if arguments.fixes:
            problems += fix_violations(data, relative, config)
        spent = time.process_time() - begun
        if spent > slowest[0]:
            slowest = (spent, f"input {number}")
        if spent > SLOW_SECONDS:
            slow += 1
            failures_dir.mkdir(parents=True, exist_ok=True)
            (failures_dir / f"slow-{number}.md").write_bytes(data)
        if problems:
            failures += 1
            failures_dir.mkdir(parents=True, exist_ok=True)
            (failures_dir / f"{number}.md").write_bytes(data)
            (failures_dir / f"{number}.txt").write_text("\n".join(problems) + "\n", "utf-8")
        for code in {d.code for d in found}:
            codes[code] = codes.get(code, 0) + 1
        if number % 5_000 == 0:
            print(f"{number:,} inputs, {failures} failing, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    figures = {
        "examples": arguments.examples, "seed": arguments.seed, "failures": failures,
        "seconds": round(elapsed, 1), "slowest_input_seconds": round(slowest[0], 3),
        f"inputs_over_{SLOW_SECONDS}_seconds": slow,
        "inputs_per_code": dict(sorted(codes.items())),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fuzz.json").write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    print(f"{arguments.examples:,} inputs in {elapsed:.0f} s: {failures} failing, slowest "
          f"{slowest[0]:.2f} s, {slow} over {SLOW_SECONDS} s"
          + (f" (see {failures_dir.relative_to(REPO)})" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
