"""The schema's formats: the e-mail fast path never accepts what email-validator would refuse."""

from __future__ import annotations

import email_validator
import pytest
from email_validator import EmailNotValidError, validate_email
from handoff_lint.schema import SPECIAL_USE_DOMAIN_NAMES, is_email, is_phone, is_plain_email
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
    from handoff_lint.schema import parse_date

    assert (parse_date(text) is not None) is plausible
