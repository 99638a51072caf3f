"""The `cni-catalogue/1` interchange format: one path for demo, import and export."""

FORMAT = "cni-catalogue/1"
