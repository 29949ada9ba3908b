"""Reading: a doc's bytes to text, front matter, sections and tables, each with its line and column;
the characters a reader sees.
"""
