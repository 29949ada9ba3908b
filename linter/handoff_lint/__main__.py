from __future__ import annotations

import sys

from handoff_lint.cli import main

sys.exit(main())
