from practices.models.inlines import (
    Achievement,
    Adaptation,
    Outcome,
    PracticeCategory,
    PracticeFigure,
    PracticeImage,
    PracticeLink,
    PracticeOrganisation,
    PracticeTargetGroup,
    Recognition,
    Testimonial,
)
from practices.models.pages import PracticeIndexPage, PracticePage
from practices.models.snippets import Category, Organisation, TargetGroup

__all__ = [
    "Achievement",
    "Adaptation",
    "Category",
    "Organisation",
    "Outcome",
    "PracticeCategory",
    "PracticeFigure",
    "PracticeImage",
    "PracticeIndexPage",
    "PracticeLink",
    "PracticeOrganisation",
    "PracticePage",
    "PracticeTargetGroup",
    "Recognition",
    "TargetGroup",
    "Testimonial",
]
