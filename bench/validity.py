"""Target 6, the child process: the test that lets a complete doc skip jsonschema, three ways.

check.py asks schema.quick_validator for a test that is True only for a valid instance. Three
candidates plug in there:

    quickcheck      the schema compiled into closures by hand (handoff_lint/contract/quickcheck.py)
    jsonschema-rs   Draft 2020-12 in Rust, with the schema's own formats (Python callbacks)
    jsonschema      no quick test: every doc goes through jsonschema, as before quickcheck

    python bench/validity.py lint VARIANT DOC...   # `handoff lint DOC...` with that test
    python bench/validity.py corpus REPO ROUNDS    # per-doc CPU time of each test, JSON on stdout

bench/run.py (--only 6) runs both side by side, with jsonschema-rs installed into a temporary folder
rather than into the project. Imports stay inside the functions, so the one-file run loads only
what `handoff lint` does, plus the variant's own library.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

VARIANTS = ("quickcheck", "jsonschema-rs", "jsonschema")
Test = Callable[[Any], bool]


def quick_validator(variant: str) -> Callable[[str | None, str], Test | None]:
    """What check.py calls for the quick test, for one variant (None: no quick test)."""
    from handoff_lint.contract import formats, schema

    if variant == "quickcheck":
        return schema.quick_validator
    if variant == "jsonschema":
        return lambda path, region: None

    @lru_cache(maxsize=8)
    def rust(path: str | None, region: str) -> Test:
        import jsonschema_rs

        compiled = jsonschema_rs.Draft202012Validator(
            dict(schema.load_schema(path)), formats=formats.formats(region), validate_formats=True)
        test: Test = compiled.is_valid
        return test

    return rust


def lint(variant: str, docs: list[str]) -> int:
    from handoff_lint import cli
    from handoff_lint.engine import check

    check.quick_validator = quick_validator(variant)  # type: ignore[assignment]
    return cli.main(["lint", *docs])


def corpus(repo: str, rounds: int) -> dict[str, Any]:
    """CPU microseconds per doc of each variant's validity test on every doc's extracted instance,
    rounds interleaved; each pass starts with the formats' caches empty, as a new run does."""
    import time
    from pathlib import Path

    from handoff_lint.contract import formats, schema
    from handoff_lint.contract.config import load
    from handoff_lint.engine.check import check_bytes
    from handoff_lint.reading import files

    config = load(Path(repo))
    targets, _ = files.discover([Path(repo) / "clients"], Path(repo), Path(repo))
    instances = []
    for target in targets:
        extraction = check_bytes(str(target.path), target.path.read_bytes(), None, config).extraction
        if extraction is not None:
            instances.append(extraction.instance)
    full = schema.validator(config.schema_path, config.phone_region)
    tests: dict[str, Test] = {}
    for variant in VARIANTS:
        quick = quick_validator(variant)(config.schema_path, config.phone_region)
        tests[variant] = quick if quick is not None else full.is_valid
    verdicts = [full.is_valid(instance) for instance in instances]
    agree = {variant: sum(test(i) == v for i, v in zip(instances, verdicts, strict=True))
             for variant, test in tests.items()}
    micros: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    for round_number in range(rounds + 1):  # the first round warms up (lazy data) and is dropped
        shift = round_number % len(VARIANTS)  # a different variant first each round
        for variant in (*VARIANTS[shift:], *VARIANTS[:shift]):
            test = tests[variant]
            formats.is_email.cache_clear()
            formats.is_phone.cache_clear()
            start = time.process_time()
            for instance in instances:
                test(instance)
            micros[variant].append((time.process_time() - start) / len(instances) * 1e6)
    return {"docs": len(instances), "valid": sum(verdicts), "agree": agree,
            "micros": {variant: values[1:] for variant, values in micros.items()}}


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "lint" and argv[1] in VARIANTS:
        return lint(argv[1], argv[2:])
    if len(argv) == 3 and argv[0] == "corpus":
        import json

        print(json.dumps(corpus(argv[1], int(argv[2]))))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
