"""The schema's formats: the e-mail fast path never accepts what email-validator would refuse."""

from __future__ import annotations

import email_validator
import pytest
from email_validator import EmailNotValidError, validate_email
from handoff_lint.contract.formats import SPECIAL_USE_DOMAIN_NAMES, is_email, is_phone, is_plain_email
from hypothesis import given, settings
from hypothesis import strategies as st

CHECKED = settings(max_examples=1000, deadline=None, derandomize=True, database=None)


def library_accepts(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def test_the_special_use_names_are_email_validators_own() -> None:
    assert set(email_validator.SPECIAL_USE_DOMAIN_NAMES) == SPECIAL_USE_DOMAIN_NAMES


@pytest.mark.parametrize("address", [
    "anna.lee@northwind.co.uk", "ops+handoff@harbour-housing.org", "a_b@EXAMPLE.COM", "x@y.io",
])
def test_plain_addresses_take_the_fast_path(address: str) -> None:
    assert is_plain_email(address)
    assert library_accepts(address)


@pytest.mark.parametrize("address", [
    "anna..lee@northwind.co.uk",  # empty atom
    "anna@northwind",  # no dot: not globally deliverable
    "anna@northwind.test",  # special-use name
    "anna@xn--nrthwind-tza.co.uk",  # punycode: email-validator decodes and checks it
    "anna@-northwind.co.uk",  # label starting with a hyphen
    "anna@northwind.co.uk.",  # trailing dot
    "ánna@northwind.co.uk",  # internationalised: email-validator's call
    '"anna lee"@northwind.co.uk',  # quoted local part
    "anna@[192.0.2.1]",  # domain literal
])
def test_anything_else_goes_to_email_validator(address: str) -> None:
    assert not is_plain_email(address)
    assert is_email(address) == library_accepts(address)


@CHECKED
@given(st.from_regex(r"\A[A-Za-z0-9_+.-]{1,20}@[A-Za-z0-9.-]{1,30}\.(?:[A-Za-z]{2,5}|test|local)\Z"))
def test_the_fast_path_only_accepts_what_email_validator_accepts(address: str) -> None:
    if is_plain_email(address):
        assert library_accepts(address), address


@CHECKED
@given(st.text(max_size=40))
def test_the_fast_path_refuses_arbitrary_text_email_validator_refuses(text: str) -> None:
    if is_plain_email(text):
        assert library_accepts(text), text


@pytest.mark.parametrize(("number", "valid"), [
    ("020 7946 0000", True), ("+44 131 496 0000", True), ("+1 202 555 0143", True),
    ("07911 123456", True), ("020 7946", False), ("12345", False), ("call me", False),
])
def test_phone_numbers_are_checked_against_the_numbering_plan(number: str, valid: bool) -> None:
    assert is_phone(number) is valid


@pytest.mark.parametrize(("text", "plausible"), [
    ("2026-11-24", True), ("2000-01-01", True), ("2099-12-31", True), ("1999-12-31", False),
    ("2100-01-01", False), ("0001-01-01", False), ("9999-12-31", False), ("２０２６-11-24", False),
])
def test_only_dates_a_handoff_can_hold_are_dates(text: str, plausible: bool) -> None:
    from handoff_lint.domain.dates import parse_date

    assert (parse_date(text) is not None) is plausible


def _strings(node: object, pointer: str = "") -> list[tuple[str, dict[str, object]]]:
    """Every string value the schema describes, by its place ('/people/items/name')."""
    found: list[tuple[str, dict[str, object]]] = []
    if isinstance(node, dict):
        if node.get("type") == "string":
            found.append((pointer, node))
        for key, child in node.get("properties", {}).items():
            found += _strings(child, f"{pointer}/{key}")
        if "items" in node:
            found += _strings(node["items"], f"{pointer}/items")
    return found


# Sentences and paragraphs the AE writes: unbounded here (a line is at most 10,000 characters,
# HO104), and the site wraps them anywhere.
FREE_TEXT = {
    "/client_basics/recent_filings", "/client_basics/press_and_news", "/people/items/notes",
    "/problem/trigger", "/problem/success_measure", "/problem/prior_provider", "/problem/red_lines/items",
    "/problem/soft_signals/items", "/delivery/curriculum_modules/items",
    "/delivery/cohorts/items/composition", "/delivery/workshop_modality", "/delivery/bespoke_elements",
    "/delivery/out_of_scope/items", "/commercials/discounts", "/commercials/side_commitments/items",
    "/risks/items/risk", "/risks/items/mitigation", "/commitments/items",
    "/handoff_call_record/mitigations_agreed/items",
}
# Names and other one-line values, with a bound far above any real one and far below a page width.
BOUNDED = {
    "/front_matter/client": 160, "/client_basics/legal_name": 160, "/client_basics/trading_name": 160,
    "/front_matter/ae": 100, "/front_matter/delivery_lead": 100, "/front_matter/account_manager": 100,
    "/people/items/name": 100, "/people/items/email": 254, "/people/items/phone": 40,
    "/handoff_call_record/attendees/items": 160, "/client_basics/sector": 100,
    "/front_matter/trigger/deposit_invoice_ref": 64, "/delivery/cohorts/items/cohort": 100,
    "/front_matter/slug": 64,
}


def test_every_one_line_value_has_a_length_bound_in_the_schema() -> None:
    from handoff_lint.contract.schema import load_schema

    strings = dict(_strings(load_schema()))
    assert set(FREE_TEXT) <= set(strings) and set(BOUNDED) <= set(strings)
    for pointer, bound in BOUNDED.items():
        assert strings[pointer]["maxLength"] == bound, pointer
    # Anything else is free text, or has a fixed form (a slug, a date, an amount, a choice) or a bound.
    unbounded = {pointer for pointer, node in strings.items()
                 if not ({"maxLength", "enum"} & set(node) or node.get("format") in ("date", "money"))
                 and pointer != "/commercials/payment_milestones/items/percent"}  # '40%', by its pattern
    assert unbounded == FREE_TEXT
