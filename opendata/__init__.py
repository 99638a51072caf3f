"""Public open data of the catalogue.

- `api`, `api_fields`: the read-only REST API at /api/v2/.
- `downloads`: CSV and JSON of a filtered set of practices.
- `table`: the CSV, one row per practice, in the reader's language.
- `subset`: the catalogue format (`cni-catalogue/1`) for just some practices.
- `feeds`: the Atom feeds of new practices.
"""
