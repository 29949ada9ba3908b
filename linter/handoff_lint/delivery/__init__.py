"""After the handoff: facts recorded into a doc (`handoff record`) and reminders of what is open
(`handoff digest`).
"""
