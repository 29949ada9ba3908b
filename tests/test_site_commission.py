"""The AE commission view: three tranches per deal as earned, due or overdue, without amounts."""

from __future__ import annotations

import re

from conftest import SITE_DATE, example_views
from handoff_lint.site.commission import page


def test_each_ae_lists_each_deal_with_three_tranches() -> None:
    views = example_views()
    text = page(views, SITE_DATE)
    for ae in {v.ae for v in views}:
        assert f"## {ae} {{ #commission-" in text
    assert text.count("- 50% SoW signed: **earned**") == len(views)
    assert text.count("30% Week 2 workshop delivered") == len(views)
    assert "30% Week 2 workshop delivered: **overdue**{ .handoff-chip .handoff-chip-tranche-overdue } on " \
           "Mon 23 Nov" in text  # Harbour's Week 2 workshop is not recorded
    assert "20% Week 12 board report delivered: **due**" in text
    assert not re.search(r"£\s?\d", text)  # no amounts
