from practices.models.inlines import (
    Achievement,
    Adaptation,
    Outcome,
    PracticeFigure,
    PracticeImage,
    PracticeLink,
    PracticeOrganisation,
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
    "PracticeFigure",
    "PracticeImage",
    "PracticeIndexPage",
    "PracticeLink",
    "PracticeOrganisation",
    "PracticePage",
    "Recognition",
    "TargetGroup",
    "Testimonial",
]
