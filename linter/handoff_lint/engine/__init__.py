"""The engine: one file checked start to finish, the cache, fixes, parallel runs and the reporters."""
