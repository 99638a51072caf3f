"""The admin's ordered list of a practice's categories (or target groups)."""

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class ChosenTermsFormSet(BaseChildFormSet):
    def get_unique_error_message(self, unique_check):
        # Django's own names the fields ("page and term"); the editor needs to hear what to do.
        return self.model.chosen_twice


class ChosenTermsPanel(InlinePanel):
    """An InlinePanel of ChosenTerm rows whose error for a term chosen twice says so in the editor's words."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = ChosenTermsFormSet
        return options
