"""A small catalogue that uses every optional field of the format, with image files."""

import io

from PIL import Image


def write_png(path, colour):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), colour).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())


def every_field_document(folder):
    write_png(folder / "files" / "logo.png", (200, 30, 30))
    write_png(folder / "files" / "emblem.png", (30, 200, 30))
    write_png(folder / "files" / "photo.png", (30, 30, 200))
    both = lambda el, en: {"el": el, "en": en}  # noqa: E731
    return {
        "format": "cni-catalogue/1",
        "source_language": "el",
        "categories": [
            {"id": "housing", "name": both("Στέγαση", "Housing"), "description": both("Σπίτια", "Homes")}
        ],
        "target_groups": [{"id": "women", "name": both("Γυναίκες", "Women"), "description": "Όλες"}],
        "organisations": [
            {
                "id": "example-ngo",
                "name": both("Οργάνωση", "Organisation"),
                "acronym": "EXO",
                "kind": "ngo",
                "website": "https://ngo.example.org",
                "logo": "files/logo.png",
            }
        ],
        "cities": [
            {
                "id": "karditsa",
                "name": both("Δήμος Καρδίτσας", "Municipality of Karditsa"),
                "region": both("Θεσσαλία", "Thessaly"),
                "website": "https://karditsa.example.org",
                "email": "info@karditsa.example.org",
                "location": {"lat": 39.3652, "lon": 21.9211},
                "intro": both("<p>Πόλη.</p>", "<p>A city.</p>"),
                "emblem": "files/emblem.png",
                "figures": [
                    {
                        "kind": "other",
                        "label": both("Μαθητές", "Pupils"),
                        "value": 120,
                        "approximate": True,
                        "date": "2020-09-01",
                        "source": both("Σχολεία", "Schools"),
                    }
                ],
            },
            {"id": "volos", "name": both("Δήμος Βόλου", "Municipality of Volos")},
        ],
        "practices": [
            {
                "id": "volos-source",
                "city": "volos",
                "title": both("Πρωτότυπο", "Original"),
                "summary": both("Περίληψη.", "Summary."),
                "description": both("<p>Κείμενο.</p>", "<p>Text.</p>"),
                "categories": ["housing"],
                "started": "2015",
            },
            {
                "id": "karditsa-everything",
                "city": "karditsa",
                "title": both("Όλα τα πεδία", "Every field"),
                "subtitle": both("Υπότιτλος", "Subtitle"),
                "acronym": "EF",
                "summary": both("Μια περίληψη.", "A summary."),
                "description": both(
                    "<h2>Τίτλος</h2><p><strong>Έντονα</strong> και <em>πλάγια</em> με "
                    '<a href="https://example.org/el">σύνδεσμο</a>.</p><ul><li>ένα</li><li>δύο</li></ul>'
                    "<blockquote>Ρητό</blockquote><ol><li>α</li></ol><h3>Υπο</h3><h4>Υποϋπο</h4>",
                    "<h2>Heading</h2><p><strong>Bold</strong> and <em>italic</em> with "
                    '<a href="https://example.org/el">a link</a>.</p><ul><li>one</li><li>two</li></ul>'
                    "<blockquote>Saying</blockquote><ol><li>a</li></ol><h3>Sub</h3><h4>Subsub</h4>",
                ),
                "categories": ["housing"],
                "target_groups": ["women"],
                "status": "completed",
                "started": "2018-03",
                "ended": "2021-12-31",
                "evidence": "externally_evaluated",
                "organisations": [
                    {"organisation": "example-ngo", "role": "partner", "from": "2018", "until": "2020-06"}
                ],
                "figures": [{"kind": "migrants", "value": 5000, "date": "2019", "source": "Εκτίμηση"}],
                "outcomes": [
                    {
                        "label": both("ωφελούμενοι", "people helped"),
                        "value": 12.5,
                        "unit": both("%", "%"),
                        "about": both("Πρόγραμμα", "Programme"),
                        "date": "2021-06",
                    }
                ],
                "achievements": [both("Πέτυχε.", "It worked."), "Μόνο ελληνικά."],
                "testimonials": [
                    {
                        "quote": both("Καλό.", "Good."),
                        "name": both("Μαρία", "Maria"),
                        "role": both("Συντονίστρια", "Coordinator"),
                        "organisation": "example-ngo",
                    }
                ],
                "recognitions": [{"by": "example-ngo", "text": both("Βραβείο", "Award"), "date": "2021"}],
                "lessons": both("<p>Μάθαμε.</p>", "<p>We learned.</p>"),
                "transferability": both("<p>Μεταφέρεται.</p>", "<p>It travels.</p>"),
                "links": [{"url": "https://example.org/more", "label": both("Περισσότερα", "More")}],
                "contact": {
                    "name": both("Γραφείο", "Office"),
                    "email": "office@example.org",
                    "phone": "+30 2441 000000",
                },
                "adapted_from": ["volos-source"],
                "images": [
                    {
                        "file": "files/photo.png",
                        "alt": both("Μπλε τετράγωνο", "A blue square"),
                        "caption": both("Λεζάντα", "Caption"),
                        "credit": "Φωτογράφος",
                    }
                ],
                "documented": "2024-05",
            },
        ],
    }
