"""The path allocator: every path the site writes has one owner, and a second claim is an error."""

from __future__ import annotations

import pytest
from handoff_lint.site.allocate import PathCollision, Paths, address


def test_paths_a_browser_reaches_at_one_address_are_one_address() -> None:
    assert address("people/ae-priya-shah.md") == address("people/ae-priya-shah/index.md") == \
        "people/ae-priya-shah/"
    assert address("index.md") == address("README.md") == ""
    assert address("Registers/Risks.md") == address("registers/risks.md")
    assert address("people/ae-priya-shah/2.md") != address("people/ae-priya-shah-2.md")
    assert address("calendar/am-x.ics") == "calendar/am-x.ics"


def test_a_second_claim_on_an_address_is_an_error_naming_both_owners() -> None:
    paths = Paths()
    merged = paths.merge([("people", {"people/ae-a.md": "A"}), ("registers", {"registers/risks.md": "R"})])
    assert merged == {"people/ae-a.md": "A", "registers/risks.md": "R"}
    with pytest.raises(PathCollision, match=r"people/ae-a/index.md \(a client's page\) and "
                                            r"people/ae-a.md \(people\)"):
        paths.claim("people/ae-a/index.md", "a client's page")
    with pytest.raises(PathCollision):
        paths.merge([("feeds", {"calendar/x.ics": ""}), ("exports", {"calendar/x.ics": ""})])
