"""The playbook's client intro e-mail, filled from a handoff doc's data."""

from __future__ import annotations

from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address

from handoff_lint.reading.characters import hidden

HR_SPONSOR_ROLE = "HR sponsor (primary contact)"


@dataclass(frozen=True)
class IntroEmail:
    to_name: str
    to_address: str
    subject: str
    body: str

    def as_text(self) -> str:
        return f"To: {recipient(self.to_name, self.to_address)}\nSubject: {self.subject}\n\n{self.body}"


def recipient(name: str, address: str) -> str:
    """The To: header's value: the name quoted wherever it holds a character with a meaning in an
    address header (`,` `;` `<` `@`), so a name is only ever a name and never a second recipient."""
    return str(Address(display_name=" ".join(name.split()), addr_spec=address))


def _one_address(value: object) -> bool:
    """A single plain address (no name, no list, no group), as Address reads it."""
    try:
        return bool(Address(addr_spec=str(value).strip()).domain)
    except (HeaderParseError, ValueError, IndexError):
        return False


def _first_name(full_name: str) -> str:
    return full_name.split()[0] if full_name.split() else full_name


def _usable(value: object) -> bool:
    """Filled in, on one line, with no hidden or control character: a line break in a name would
    put a header line of its own (`Bcc: ...`) into the e-mail, so such a value counts as missing
    (HO106 says where it is)."""
    text = str(value or "").strip()
    return bool(text) and "\n" not in text and "\r" not in text and not hidden(text)


# What a name may not hold (HO405 says so): an address header gives each a meaning.
_ADDRESS_PUNCTUATION = frozenset("@<>,;:")


def _usable_name(value: object) -> bool:
    return _usable(value) and not _ADDRESS_PUNCTUATION.intersection(str(value))


def missing(instance: dict[str, object]) -> list[tuple[str, str]]:
    """What the e-mail needs but the doc does not give (or gives with a hidden or control
    character), each as (JSON pointer of where it belongs, what it is); empty when the e-mail can be
    written."""
    front = instance.get("front_matter")
    front = front if isinstance(front, dict) else {}
    found = [
        (f"/front_matter/{key}", f"front matter '{key}'")
        for key in ("account_manager", "ae") if not _usable_name(front.get(key))
    ]
    index, sponsor = _hr_sponsor_row(instance)
    if sponsor is None:
        # Where `handoff lint` reports the missing row: the table (its header line).
        found.append(("/people", f"Section B — People: an '{HR_SPONSOR_ROLE}' row"))
    else:
        # Where `handoff lint` reports the cell: the cell itself.
        found += [
            (f"/people/{index}/{column}", f"Section B — People: the HR sponsor's {column}")
            for column, usable in (("name", _usable_name), ("email", _one_address))
            if not (_usable(sponsor.get(column)) and usable(sponsor.get(column)))
        ]
    return found


def missing_pieces(instance: dict[str, object]) -> list[str]:
    """What the e-mail needs but the doc does not give (empty when it can be written)."""
    return [piece for _, piece in missing(instance)]


def _hr_sponsor_row(instance: dict[str, object]) -> tuple[int, dict[str, object] | None]:
    """The HR sponsor's row and its index in the People table ((0, None) when there is none)."""
    people = instance.get("people")
    for index, row in enumerate(people if isinstance(people, list) else []):
        if isinstance(row, dict) and row.get("role") == HR_SPONSOR_ROLE:
            return index, row
    return 0, None


def _hr_sponsor(instance: dict[str, object]) -> dict[str, object] | None:
    return _hr_sponsor_row(instance)[1]


def compose(instance: dict[str, object]) -> IntroEmail:
    """Fill the playbook's template; call missing_pieces first, this assumes they are all there."""
    front = instance["front_matter"]
    assert isinstance(front, dict)
    sponsor = _hr_sponsor(instance)
    assert sponsor is not None
    manager = str(front["account_manager"]).strip()
    manager_first = _first_name(manager)
    subject = f"Introducing {manager}, your Account Manager"
    body = (
        f"Hi {_first_name(str(sponsor['name']))},\n\n"
        f"Now we're signed, I want to hand you over to {manager}, who'll be your single point of "
        f"contact throughout the engagement. {manager_first} has been on the call with our Delivery "
        "Lead and me this afternoon — they're fully briefed on everything we've discussed.\n\n"
        f"{manager_first} will be in touch within 24 hours to confirm the kickoff date and start the "
        "onboarding clock.\n\n"
        "I'll stay on hand if anything material changes commercially, but for everything "
        f"operational, {manager_first} is your person.\n\n"
        "Thanks for the trust — looking forward to seeing this land.\n\n"
        f"{str(front['ae']).strip()}\n"
    )
    return IntroEmail(str(sponsor["name"]).strip(), str(sponsor["email"]).strip(), subject, body)
