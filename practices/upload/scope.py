"""The upload's scope: the command's city scope, plus organisations proposed by the city.

`practices.catalogue.scope.Scope` refuses every vocabulary record, because
reviewers keep the vocabulary. Issue #6 lets a city's file bring an
organisation the site does not know yet, as a proposal: the importer writes a
new organisation as a draft when it is not publishing, which is exactly what
an editor gets from "Propose an organisation" in the admin. An organisation
that already exists is still refused (the file may refer to it, not change
it), and so is any category or target group.
"""

from dataclasses import dataclass

from wagtail.models import Revision

from ..catalogue.kinds import ORGANISATIONS
from ..catalogue.scope import Scope
from ..models import Organisation


@dataclass(frozen=True)
class UploadScope(Scope):
    def problems(self, document, existing_ids):
        known = existing_ids.get(ORGANISATIONS.key, set())
        # Only organisations the site already has are left for the city scope to refuse.
        existing = [record for record in document.get(ORGANISATIONS.key, []) if record["id"] in known]
        return super().problems({**document, ORGANISATIONS.key: existing}, existing_ids)


def keep_proposals_in_draft(catalogue_ids, user):
    """Leave every language of the proposed organisations unpublished, in the uploader's name.

    The writer gives a record every language, and it publishes the copy it
    makes for a language the file does not give (it does so for all
    snippets), so without this the English copy of an unreviewed proposal
    would be public. The writer also saves snippet revisions without a user;
    the reviewers should see who proposed the organisation.
    """
    for organisation in Organisation.objects.filter(catalogue_id__in=catalogue_ids):
        if organisation.live:
            # Not in the user's name: an editor may not unpublish, and this
            # undoes the importer's publishing rather than acting for them.
            organisation.unpublish(log_action=False)
        Revision.objects.for_instance(organisation).filter(user__isnull=True).update(user=user)
