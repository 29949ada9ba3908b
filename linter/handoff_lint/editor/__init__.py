"""The editor: unsaved text checked as the saved file is, and the language server that shows it
(`handoff lsp`).
"""
