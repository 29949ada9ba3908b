"""The AE commission view: three tranches per deal as earned, due or overdue, without amounts."""

from __future__ import annotations

import re

from conftest import SITE_DATE, example_views
from handoff_lint.site import uris
from handoff_lint.site.attributes import trusted_id
from handoff_lint.site.commission import pages
from handoff_lint.site.stages import marks


def test_each_ae_lists_each_deal_with_three_tranches() -> None:
    views = example_views()
    found = pages(views, SITE_DATE)
    landing = found.pop(uris.COMMISSION)
    text = "".join(found.values())
    for ae in {v.ae for v in views}:
        assert f"# AE commission: {ae} {{ #{trusted_id('commission-')}" in text
        assert f"[{ae}](" in landing
    assert text.count("- 50% SoW signed: **earned**") == len(views)
    assert text.count("30% Week 2 workshop delivered") == len(views)
    overdue = marks("handoff-chip", "handoff-chip-tranche-overdue")
    earned = marks("handoff-chip", "handoff-chip-tranche-earned")
    # Harbour's Week 2 workshop is recorded; Northwind's is still ahead.
    assert f"30% Week 2 workshop delivered: **earned**{{ {earned} }} Mon 23 Nov" in text
    assert f"**overdue**{{ {overdue} }}" not in text
    assert "20% Week 12 board report delivered: **due**" in text
    assert not re.search(r"£\s?\d", text)  # no amounts
