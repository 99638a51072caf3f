from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue file, located by its field path.

    The path starts with the record kind and id, as in
    `practices[accmr].organisations[2].role`, so a municipality can find the
    field in its own file without reading code.
    """

    path: str
    reason: str

    def __str__(self):
        return f"{self.path}: {self.reason}" if self.path else self.reason


class CatalogueInvalid(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
