"""The internal site as plain functions: checked docs in, Markdown pages out.

Nothing here imports MkDocs. The hooks in hooks/ only map MkDocs events to these functions, so moving
to another static site generator means writing a new thin adapter, not new pages.
"""
