"""Public open data of the catalogue: downloads of a set of practices, and citing one.

- `table`: the CSV, one row per practice, in the reader's language.
- `subset`: the catalogue format (`cni-catalogue/1`) for just some practices.
- `citation`: the "cite this practice" line of a practice page.
"""
