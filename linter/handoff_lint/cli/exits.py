"""The exit codes every `handoff` command shares."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
