"""Names in paths: one segment per person, distinct for distinct names by construction."""

from __future__ import annotations

from handoff_lint.site import names, paging
from hypothesis import given, settings
from hypothesis import strategies as st

# Names built from what makes slugs collide: accents, case, spaces, hyphens, digits, other scripts.
COLLIDING = "aAeEéÉ ‐-_.'2 0ǅß李明\u00a0\u0301"
name_text = st.text(alphabet=st.sampled_from(list(COLLIDING)), min_size=1, max_size=12) | st.text(min_size=1,
                                                                                              max_size=20)


def test_a_plain_name_is_its_slug_and_any_other_has_a_hash_after_a_double_hyphen() -> None:
    assert names.segment("Priya Shah") == "priya-shah"
    assert names.segment("Priya Shah 2") == "priya-shah-2"
    assert names.segment("  priya   SHAH ") == "priya-shah"
    assert names.segment("José García").startswith("jose-garcia--")
    assert names.segment("Ann-Lee").startswith("ann-lee--")
    assert names.segment("Index", reserved=("index",)).startswith("index--")
    assert names.segment("2").startswith("2--")
    assert names.segment("李明").startswith("unnamed--")


def test_names_made_to_share_a_short_hash_get_two_segments() -> None:
    """A pair found by trying names of dots and apostrophes until the first 8 hex digits of their
    hashes matched (a birthday search of about 65,000 names): the hash is too long for that."""
    first, second = "Zoe Hale..'...'''...'.''", "Zoe Hale.'..'.'...'''.''"
    assert names.segment(first) != names.segment(second)
    assert names.HASH_LENGTH * 4 >= 128


def test_a_very_long_name_gets_a_segment_a_file_system_can_hold() -> None:
    long = names.segment("x" * 3000)
    assert len(long) <= names.SLUG_LENGTH + 2 + names.HASH_LENGTH
    assert long != names.segment("x" * 2999)


@settings(max_examples=200, deadline=None)
@given(name_text, name_text)
def test_two_names_share_a_segment_only_when_they_mean_the_same_person(first: str, second: str) -> None:
    same_person = names.person_key(first) == names.person_key(second)
    assert (names.segment(first) == names.segment(second)) == same_person


@settings(max_examples=200, deadline=None)
@given(name_text)
def test_no_segment_is_a_later_page_or_leaves_its_folder(name: str) -> None:
    found = names.segment(name, reserved=("index",))
    assert "/" not in found and found not in ("index", "") and not found.isdigit()
    assert names.slug(found) == found.replace("--", "-")  # ASCII letters, digits and hyphens only
    assert paging.page_uri(f"f/{found}.md", 2) != f"f/{names.segment(name + ' 2')}.md"


def test_one_person_however_written_is_one_group() -> None:
    grouped = names.by_person(["Hannah Lee", "hannah  lee", "José García", "Jose Garcia", " "], str)
    assert grouped == {"Hannah Lee": ["Hannah Lee", "hannah  lee"], "José García": ["José García"],
                       "Jose Garcia": ["Jose Garcia"]}
