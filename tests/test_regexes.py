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

import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator

import handoff_lint
import pytest
import regex
from handoff_lint.domain import money
from handoff_lint.reading.source import MAX_LINE_LENGTH

UNITS = ["`", "[", "]", "<a", "<", "- ", "* ", "-", "=", "_ ", "\\", "a", "1", ",000", "1,", "@a.",
         "a@", " ", "\t", "|", "(", "](", "&lt;", "# ", "> ", "**", "[x](", "\u200b", "é", "---",
         "http://", ". ", "%", "£1,", "1.", "\u202e", ":", "!", "{", "a-", "x ", "__", "~~"]


def adversarial(length: int) -> Iterator[str]:
    for unit in UNITS:
        run = (unit * (length // len(unit) + 1))[:length]
        yield from (run, run[:-1] + "x", "x" + run[1:], run[:length // 2] + "\n" + run[:length // 2])


def every_pattern() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    found: dict[str, re.Pattern[str] | regex.Pattern[str]] = {}
    for module_info in pkgutil.walk_packages(handoff_lint.__path__, "handoff_lint."):
        if module_info.name != "handoff_lint.__main__":
            module = importlib.import_module(module_info.name)
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
    "handoff_lint.contract.formats._PLAIN_EMAIL": (254, lambda p, text: p.fullmatch(text)),
    # Matched at one position of a line, after the quote markers before it.
    "handoff_lint.site.spacing._QUOTE_MARKER": (MAX_LINE_LENGTH, lambda p, text: p.match(text)),
    # Matched at the start of each line.
    "handoff_lint.reading.source._BLOCK_START": (MAX_LINE_LENGTH, lambda p, text: p.match(text)),
    # Matched at one position of a built page: the "<" before a possible handler (site.csp).
    "handoff_lint.site.csp._START_TAG": (MAX_LINE_LENGTH, lambda p, text: p.match(text)),
    # Matched whole against one table cell.
    "handoff_lint.contract.extract._NAMED_ADDRESS": (MAX_LINE_LENGTH, lambda p, text: p.fullmatch(text)),
    # Matched whole against one guide file's name.
    "handoff_lint.site.guide._PAGE_NAME": (255, lambda p, text: p.fullmatch(text)),
    # money._read takes an amount apart only when it is at most MAX_LENGTH characters long.
    "handoff_lint.domain.money._TAX": (money.MAX_LENGTH, lambda p, text: p.search(text)),
}

PATTERNS = every_pattern()


def test_the_package_has_patterns_to_check() -> None:
    assert len(PATTERNS) > 40


def side_by_side(first: Callable[[str], object], second: Callable[[str], object],
                 texts: list[tuple[str, str]]) -> tuple[float, float]:
    """CPU seconds of first and second, each given its text of every pair in turn: measured moments
    apart, text by text, whatever else the machine does slows both alike. The garbage collector is
    off meanwhile: it runs when objects pile up (a list of 10,000 matches), not because of the
    pattern, and its cost grows with everything the test process holds."""
    spent = [0.0, 0.0]
    enabled = gc.isenabled()
    gc.disable()
    try:
        for one, other in texts:
            start = time.process_time()
            first(one)
            middle = time.process_time()
            second(other)
            spent[0] += middle - start
            spent[1] += time.process_time() - middle
    finally:
        if enabled:
            gc.enable()
    return spent[0], spent[1]


# Scans every position of a line and never matches: what a linear pattern costs.
NEVER = re.compile(r"[^\s\S]")


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_pattern_is_linear_on_adversarial_lines(name: str) -> None:
    pattern = PATTERNS[name]
    length, use = BOUNDED.get(name, (MAX_LINE_LENGTH, every_use))
    lines = list(adversarial(length))
    full, scan = side_by_side(lambda text: use(pattern, text), lambda text: use(NEVER, text),  # type: ignore[arg-type]
                              [(line, line) for line in lines])
    # A quadratic pattern takes seconds of CPU on these lines, hundreds of plain scans; a linear one
    # a few scans. A pattern over 25 scans is run again beside ten runs on lines a tenth as long:
    # the same work if it is linear, a tenth of it if it is quadratic. It fails if it took over
    # three times as long. Every figure is a ratio of CPU times taken side by side, text by text.
    if full > 25 * scan:
        tenths = list(adversarial(length // 10))

        def ten_times(text: str) -> None:
            for _ in range(10):
                use(pattern, text)  # type: ignore[arg-type]

        again, short = side_by_side(lambda text: use(pattern, text), ten_times,  # type: ignore[arg-type]
                                    list(zip(lines, tenths, strict=True)))
        assert again < 3 * short, f"{name}: {again:.2f} s, {short:.3f} s on ten lines a tenth as long (CPU)"
