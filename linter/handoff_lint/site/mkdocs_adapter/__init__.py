"""The site's steps run inside MkDocs' events (hooks/handoff.py names them).

Page content is written by the same plain functions `handoff site prepare` and `finish` run for any
generator; what lives here is what only MkDocs needs or allows: mapping its events to the steps,
reporting through its logger, and building fast in bounded memory (a second process for the work
that needs nothing back from rendering, each page's rendering kept in the store, page sources and
rendered pages waiting on disk rather than in memory).
"""
