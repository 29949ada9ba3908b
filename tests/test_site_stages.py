"""Stage chips: the words say the stage and the urgency, so they read without colour."""

from __future__ import annotations

from handoff_lint.domain.lifecycle import Clock, Stage, Urgency
from handoff_lint.site.stages import chip, marks, stage_chip, status


def test_a_chip_names_the_stage_and_says_overdue_in_words() -> None:
    overdue = Clock(Stage.HANDOFF_CALL, Urgency.OVERDUE, "handoff call overdue by 2 working days")
    classes = marks("handoff-chip", "handoff-chip-handoff-call", "handoff-chip-overdue")
    assert chip(overdue) == "**Handoff call: overdue**{ " + classes + " }"
    assert status(overdue).endswith("} handoff call overdue by 2 working days")
    calm = Clock(Stage.ONBOARDING, Urgency.ON_TRACK, "in onboarding, Week -2")
    assert chip(calm).startswith("**Onboarding**{")
    assert stage_chip(Stage.DELIVERY, 3) == \
        "**In delivery: 3**{ " + marks("handoff-chip", "handoff-chip-delivery") + " }"


def test_the_classes_are_the_sites_own() -> None:
    # Keyed (site.attributes): a doc that writes `{ .handoff-chip }` gets no chip.
    assert marks("handoff-chip").startswith(".k") and marks("handoff-chip").endswith("-handoff-chip")
