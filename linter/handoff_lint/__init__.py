"""handoff: a schema-driven linter and site for sales-to-delivery handoff docs."""

from __future__ import annotations

__version__ = "0.1.0"
