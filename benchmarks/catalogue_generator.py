"""Generates large catalogues in the cni-catalogue/1 format for benchmarks."""

import random

CATEGORIES = [
    ("housing", "Στέγαση", "Housing"),
    ("health", "Υγεία", "Health"),
    ("education", "Εκπαίδευση", "Education"),
]
STATUSES = ["ongoing", "planned", "unknown"]
WORDS_EL = "στέγαση πρόσφυγες προσφύγων διερμηνεία εκπαίδευση υγεία εργασία δήμος ένταξη γλώσσα παιδιά σχολείο".split()
WORDS_EN = "housing refugees interpreting education health employment city integration language children school".split()


def _text(rng, words, count):
    return " ".join(rng.choice(words) for _ in range(count)).capitalize() + "."


def generate(practices=1000, cities=20, seed=7):
    rng = random.Random(seed)
    both = lambda el, en: {"el": el, "en": en}  # noqa: E731
    document = {
        "format": "cni-catalogue/1",
        "source_language": "el",
        "categories": [{"id": cid, "name": both(el, en)} for cid, el, en in CATEGORIES],
        "target_groups": [{"id": "migrants", "name": both("Μετανάστες", "Migrants")}],
        "organisations": [
            {"id": f"org-{n}", "name": both(f"Οργανισμός {n}", f"Organisation {n}")} for n in range(10)
        ],
        "cities": [
            {"id": f"city-{n}", "name": both(f"Δήμος {n}", f"Municipality {n}")} for n in range(cities)
        ],
        "practices": [],
    }
    for n in range(practices):
        document["practices"].append(
            {
                "id": f"practice-{n}",
                "city": f"city-{n % cities}",
                "title": both(_text(rng, WORDS_EL, 4), _text(rng, WORDS_EN, 4)),
                "summary": both(_text(rng, WORDS_EL, 25), _text(rng, WORDS_EN, 25)),
                "description": both(
                    f"<p>{_text(rng, WORDS_EL, 60)}</p><p>{_text(rng, WORDS_EL, 40)}</p>",
                    f"<p>{_text(rng, WORDS_EN, 60)}</p><p>{_text(rng, WORDS_EN, 40)}</p>",
                ),
                "categories": rng.sample([c[0] for c in CATEGORIES], 2),
                "target_groups": ["migrants"],
                "status": rng.choice(STATUSES),
                "started": f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}",
                "documented": f"{rng.randint(2019, 2026)}",
                "organisations": [{"organisation": f"org-{rng.randrange(10)}", "role": "lead"}],
                "outcomes": [{"label": both("ωφελούμενοι", "people helped"), "value": rng.randint(10, 5000)}],
                "achievements": [both(_text(rng, WORDS_EL, 12), _text(rng, WORDS_EN, 12))],
                "links": [{"url": f"https://example.org/{n}", "label": both("Ιστότοπος", "Website")}],
            }
        )
    return document
