"""The brochure's content (ACCMR under Athens), built through the factories.

`accmr(size=n)` multiplies its lists, for the query-count tests.
"""

from practices.models import (
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
from tests.factories.media import ImageFactory
from tests.factories.network import pdate


def athens(network):
    """The brochure's city: Athens with its 2011 population."""
    return network.city(
        "athens",
        "Δήμος Αθηναίων",
        region="Αττική",
        website="https://www.cityofathens.gr",
        email="info@athens.example",
        figures=[
            {"kind": "population", "value": 664046, "date": pdate("2011"), "source": "Απογραφή 2011"},
        ],
    )


def accmr(network, city, *, size=1, images=0, adapted_from=()):
    """The brochure's practice; `size` multiplies its lists (for query counts)."""
    n = network
    categories = [
        n.category(f"coordination-{i}", f"Συντονισμός {i}", f"Coordination {i}") for i in range(size)
    ]
    groups = [n.target_group(f"migrants-{i}", f"Μετανάστες {i}", f"Migrants {i}") for i in range(size)]
    snf = n.organisation(
        "snf", "Ίδρυμα Σταύρος Νιάρχος", "Stavros Niarchos Foundation", acronym="SNF", live=True
    )
    partnership = n.organisation("athens-partnership", "Αθηναϊκή Σύμπραξη", "Athens Partnership", live=True)
    oecd = n.organisation(
        "oecd",
        "Οργανισμός Οικονομικής Συνεργασίας",
        "Organisation for Economic Co-operation",
        acronym="OECD",
        live=True,
    )
    supporters = [
        n.organisation(
            f"supporter-{i}",
            f"Υποστηρικτής {i}",
            f"Supporter org {i}",
            live=True,
            logo=ImageFactory(title=f"logo-{i}") if images else None,
        )
        for i in range(size)
    ]
    organisations = [
        PracticeOrganisation(organisation=snf, role="founding_donor"),
        PracticeOrganisation(
            organisation=partnership, role="design_management", period_until=pdate("2018-11")
        ),
        *[PracticeOrganisation(organisation=org, role="supporter") for org in supporters],
    ]
    figures = [
        PracticeFigure(
            kind="asylum_seekers_and_refugees",
            label="Στο πρόγραμμα ESTIA",
            value=8000,
            approximate=True,
            date=pdate("2019-10"),
            source="Πρόγραμμα ESTIA - UNHCR",
        ),
        *[
            PracticeFigure(kind="asylum_seekers_and_refugees", label=f"Στο κέντρο {i}", value=1680 + i)
            for i in range(size)
        ],
    ]
    outcomes = [
        Outcome(value=value, label=label, about="Ψηφιακή Πλατφόρμα")
        for value, label in [
            (143, "εγγεγραμμένα μέλη"),
            (151, "ενεργές υπηρεσίες"),
            (362, "δράσεις"),
            (31000, "χρήστες"),
        ]
    ] + [Outcome(value=i, label=f"μέτρηση {i}") for i in range(1, size)]
    testimonials = [
        Testimonial(
            quote=f"Ένας δίαυλος επικοινωνίας {i}.",
            name=f"Πρόσωπο {i}",
            role="Συντονίστρια",
            organisation=org,
            consent_given=True,
        )
        for i, org in enumerate(supporters)
    ]
    pictures = [
        PracticeImage(
            image=ImageFactory(title=f"photo-{i}"),
            alt=f"Συνάντηση {i}",
            caption=f"Λεζάντα {i}",
            credit="Δήμος Αθηναίων",
        )
        for i in range(images)
    ]
    return n.practice(
        city,
        "accmr" if size == 1 else f"accmr-{size}",
        "Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων",
        subtitle="Μια προσέγγιση συνεργασίας για το προσφυγικό",
        acronym="ACCMR",
        status="ongoing",
        documented=pdate("2023-05"),
        contact_name="Γραφείο ACCMR",
        contact_email="accmr@athens.example",
        contact_phone="+30 210 000 0000",
        lessons="<p>Τι δεν λειτούργησε.</p>",
        categories=categories,
        target_groups=groups,
        inlines={
            "organisations": organisations,
            "figures": figures,
            "outcomes": outcomes,
            "achievements": [Achievement(text=f"Επίτευγμα {i}.") for i in range(size)],
            "testimonials": testimonials,
            "recognitions": [Recognition(by=oecd, text="Βέλτιστη πρακτική.")],
            "links": [
                PracticeLink(url=f"https://www.accmr.gr/{i}", label=f"Ιστότοπος {i}") for i in range(size)
            ],
            "images": pictures,
            "adapted_from": [Adaptation(source=source) for source in adapted_from],
        },
    )


def translate_accmr(network, page):
    """The English translation of `accmr`, with English text on every inline."""

    def english_figure(item):
        item.label = "In the ESTIA programme" if item.value == 8000 else f"In centre {item.value - 1680}"
        item.source = "ESTIA programme - UNHCR" if item.source else ""

    def english_outcome(item):
        item.label = f"measure {int(item.value)}"
        item.about = "Digital Platform" if item.about else ""

    def english_testimonial(item):
        item.quote = "An open channel of communication."
        item.name = "A person"
        item.role = "Coordinator"

    return network.translate(
        page,
        title="Athens Coordination Center for Migrant & Refugee issues",
        subtitle="A collaborative approach to the refugee issue",
        summary="A central body of the Municipality of Athens.",
        description="<p>Description of the practice.</p>",
        lessons="<p>What did not work.</p>",
        contact_name="ACCMR office",
        figures=english_figure,
        outcomes=english_outcome,
        achievements=lambda item: setattr(item, "text", "An achievement."),
        testimonials=english_testimonial,
        recognitions=lambda item: setattr(item, "text", "Best practice."),
        links=lambda item: setattr(item, "label", "Website"),
        images=lambda item: (setattr(item, "alt", "A meeting"), setattr(item, "caption", "A caption")),
    )
