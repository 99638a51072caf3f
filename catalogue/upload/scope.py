"""The upload's scope: the command's city scope, plus organisations proposed by the city.

`catalogue.format.scope.Scope` refuses every vocabulary record, because
reviewers keep the vocabulary. Issue #6 lets a city's file bring an
organisation the site does not know yet, as a proposal: the importer writes a
new organisation as a draft when it is not publishing, which is exactly what
an editor gets from "Propose an organisation" in the admin. An organisation
that already exists is still refused (the file may refer to it, not change
it), and so is any category or target group.
"""

from dataclasses import dataclass

from catalogue.format.kinds import ORGANISATIONS
from catalogue.format.scope import Scope


@dataclass(frozen=True)
class UploadScope(Scope):
    def problems(self, document, existing_ids):
        known = existing_ids.get(ORGANISATIONS.key, set())
        # Only organisations the site already has are left for the city scope to refuse.
        existing = [record for record in document.get(ORGANISATIONS.key, []) if record["id"] in known]
        return super().problems({**document, ORGANISATIONS.key: existing}, existing_ids)
