"""Every regular expression in the package finishes quickly on adversarial text.

A doc line may be 10,000 characters long (source.MAX_LINE_LENGTH), so each pattern is run on lines
of that length made of the characters patterns care about (runs of backticks, brackets, `<a`,
spaced dashes, digits with separators...), with and without a character that makes the match
fail at the end. A pattern that backtracks takes seconds to minutes here; a linear one takes
milliseconds. Patterns the code only applies to bounded text are run the way the code runs them.
Time is the CPU time of this process (other work on the machine does not count), compared with
the CPU time of other runs moments apart, never with a fixed budget: a pattern fails only if it is
slow next to a plain scan of the same lines and grows faster than its input.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator

import handoff_lint
import pytest
import regex
from handoff_lint.source import MAX_LINE_LENGTH

UNITS = ["`", "[", "]", "<a", "<", "- ", "* ", "-", "=", "_ ", "\\", "a", "1", ",000", "1,", "@a.",
         "a@", " ", "\t", "|", "(", "](", "&lt;", "# ", "> ", "**", "[x](", "\u200b", "é", "---",
         "http://", ". ", "%", "£1,", "1.", "\u202e", ":", "!", "{", "a-", "x ", "__", "~~"]


def adversarial(length: int) -> Iterator[str]:
    for unit in UNITS:
        run = (unit * (length // len(unit) + 1))[:length]
        yield from (run, run[:-1] + "x", "x" + run[1:], run[:length // 2] + "\n" + run[:length // 2])


def every_pattern() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    found: dict[str, re.Pattern[str] | regex.Pattern[str]] = {}
    packages = [handoff_lint,
                *(importlib.import_module(f"handoff_lint.{name}") for name in ("site", "playbook"))]
    for package in packages:
        for module_info in pkgutil.iter_modules(package.__path__):
            if module_info.name == "__main__":
                continue
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for name, value in vars(module).items():
                if isinstance(value, (re.Pattern, regex.Pattern)):
                    found[f"{module.__name__}.{name}"] = value
    return found


def every_use(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> None:
    pattern.search(text)
    list(pattern.finditer(text))
    pattern.match(text)
    pattern.fullmatch(text)


# Patterns the code applies only to bounded text, and how.
BOUNDED: dict[str, tuple[int, Callable[[re.Pattern[str], str], object]]] = {
    # is_plain_email refuses anything over 254 characters before matching.
    "handoff_lint.schema._PLAIN_EMAIL": (254, lambda p, text: p.fullmatch(text)),
    # Matched at one position of a line, after the quote markers before it.
    "handoff_lint.site.spacing._QUOTE_MARKER": (MAX_LINE_LENGTH, lambda p, text: p.match(text)),
    # Matched at the start of each line.
    "handoff_lint.source._BLOCK_START": (MAX_LINE_LENGTH, lambda p, text: p.match(text)),
    # Matched whole against one table cell.
    "handoff_lint.extract._NAMED_ADDRESS": (MAX_LINE_LENGTH, lambda p, text: p.fullmatch(text)),
}

PATTERNS = every_pattern()


def test_the_package_has_patterns_to_check() -> None:
    assert len(PATTERNS) > 40


def cpu_seconds(pattern: re.Pattern[str] | regex.Pattern[str], length: int,
                use: Callable[[re.Pattern[str], str], object], samples: int = 1) -> float:
    """CPU time of running the pattern over the adversarial lines: the least of a few samples, so
    that an interruption (a page fault, a cache flushed by another process) does not count."""
    best = float("inf")
    for _ in range(samples):
        start = time.process_time()
        for text in adversarial(length):
            use(pattern, text)  # type: ignore[arg-type]
        best = min(best, time.process_time() - start)
    return best


# Scans every position of a line and never matches: what a linear pattern costs, run the same way
# over the same lines beside each pattern, so that a busy machine slows both alike.
NEVER = re.compile(r"[^\s\S]")


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_pattern_is_linear_on_adversarial_lines(name: str) -> None:
    pattern = PATTERNS[name]
    length, use = BOUNDED.get(name, (MAX_LINE_LENGTH, every_use))
    scan = cpu_seconds(NEVER, length, use, samples=3)
    full = cpu_seconds(pattern, length, use)
    # A quadratic pattern takes seconds of CPU on these lines, hundreds of scans, and a hundred
    # times what it takes on lines a tenth as long; a linear one takes a few scans, and ten times as
    # long. A pattern over 25 scans is measured again on lines a tenth as long, and fails if its CPU
    # time grew more than 30 times. Both are ratios of CPU times taken moments apart: however busy
    # the machine, a linear pattern cannot fail.
    if full > 25 * scan:
        full = min(full, cpu_seconds(pattern, length, use))
        tenth = cpu_seconds(pattern, length // 10, use, samples=3)
        assert full < 30 * max(tenth, 1e-3), f"{name}: {full:.2f} s, {tenth:.3f} s on a tenth (CPU)"
