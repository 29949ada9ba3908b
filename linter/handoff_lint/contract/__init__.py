"""The contract: the JSON Schema, its formats and titles, the settings that choose it, and a doc's
instance extracted and validated against it.
"""
