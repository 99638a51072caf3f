"""Text a translation publishes in its source language is marked with that language.

Translations are made through wagtail-localize's own machinery, as the admin
and the importer make them: `translate_object`, a StringTranslation per
translated segment, then `Translation.save_target`. wagtail-localize publishes
through `transaction.on_commit`, which never fires in a test, so the target's
revision is published here.
"""

import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache
from django.template import Context, Template

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue

from practices.models import (
    Achievement,
    Outcome,
    PracticeFigure,
    PracticeImage,
    PracticeLink,
    PracticeOrganisation,
    Recognition,
)
from practices.models import inlines as practice_items
from sitewide.fallback import Untranslated
from tests.factories.media import ImageFactory
from tests.factories.network import Network, pdate

pytestmark = pytest.mark.django_db

# Greek source text → English translation, for the strings a translator did.
TRANSLATED = {
    "Δήμος Αθηναίων": "Municipality of Athens",
    "Κέντρο Συντονισμού": "Coordination Centre",
    "Περίληψη του κέντρου.": "Summary of the centre.",
    "Πρώτη παράγραφος.": "First paragraph.",
    "Πρώτο επίτευγμα.": "First achievement.",
    "Ένας δίαυλος επικοινωνίας.": "An open channel of communication.",
    "Στο πρόγραμμα ESTIA": "In the ESTIA programme",
    "εγγεγραμμένα μέλη": "registered members",
    "Λεζάντα": "A caption",
    "Φορέας": "Body",
}
# What the same translator left untranslated: published in Greek.
PRACTICE_UNTRANSLATED = [
    "Μια προσέγγιση συνεργασίας",  # subtitle
    "Δεύτερη παράγραφος.",  # one paragraph of the description
    "Τι δεν λειτούργησε.",  # lessons
    "Δεύτερο επίτευγμα.",
    "Συντονίστρια",  # testimonial role
    "Βέλτιστη πρακτική.",  # recognition
    "Πρόγραμμα ESTIA - UNHCR",  # practice figure source
    "Ψηφιακή Πλατφόρμα",  # outcome "measured on"
    "Γραφείο ACCMR",  # contact name
    "Μαρία",  # testimonial name
]
CITY_UNTRANSLATED = [
    "Αττική",  # region
    "Απογραφή 2011",  # population source, shown on the practice too
]
UNTRANSLATED = PRACTICE_UNTRANSLATED + CITY_UNTRANSLATED
# Translated to the same text on purpose: not a fallback.
KEPT_AS_IS = "Facebook"


@pytest.fixture
def network(db):
    cache.clear()
    yield Network()
    cache.clear()


def greek_practice(network, *, categories=(), target_groups=()):
    city = network.city(
        "athens",
        "Δήμος Αθηναίων",
        region="Αττική",
        figures=[{"kind": "population", "value": 664046, "date": pdate("2011"), "source": "Απογραφή 2011"}],
    )
    body = network.organisation("body", "Φορέας", live=True)
    page = network.practice(
        city,
        "accmr",
        "Κέντρο Συντονισμού",
        subtitle="Μια προσέγγιση συνεργασίας",
        summary="Περίληψη του κέντρου.",
        description="<p>Πρώτη παράγραφος.</p><p>Δεύτερη παράγραφος.</p>",
        lessons="<p>Τι δεν λειτούργησε.</p>",
        contact_name="Γραφείο ACCMR",
        categories=categories,
        target_groups=target_groups,
        inlines={
            "organisations": [PracticeOrganisation(organisation=body, role="supporter")],
            "achievements": [Achievement(text="Πρώτο επίτευγμα."), Achievement(text="Δεύτερο επίτευγμα.")],
            "testimonials": [
                practice_items.Testimonial(
                    quote="Ένας δίαυλος επικοινωνίας.",
                    name="Μαρία",
                    role="Συντονίστρια",
                    consent_given=True,
                )
            ],
            "recognitions": [Recognition(by=body, text="Βέλτιστη πρακτική.")],
            "figures": [
                PracticeFigure(
                    kind="asylum_seekers_and_refugees",
                    label="Στο πρόγραμμα ESTIA",
                    value=8000,
                    source="Πρόγραμμα ESTIA - UNHCR",
                )
            ],
            "outcomes": [Outcome(value=143, label="εγγεγραμμένα μέλη", about="Ψηφιακή Πλατφόρμα")],
            "links": [PracticeLink(url="https://facebook.com/accmr", label=KEPT_AS_IS)],
            "images": [PracticeImage(image=ImageFactory(title="Photo"), alt="Συνάντηση", caption="Λεζάντα")],
        },
    )
    return city, page, body


def translate(obj, locale, strings):
    """Give `obj`'s segments the translations in `strings` ({source text: text}); returns its Translation."""
    translate_object(obj, [locale])
    for segment in StringSegment.objects.filter(source__object_id=obj.translation_key).select_related(
        "string", "context"
    ):
        text = StringValue(segment.string.data).render_text()
        if text in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": StringValue.from_plaintext(strings[text]).data},
            )
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)


def publish(translation):
    """Save the translation's target from its strings, and publish it (pages) as the editor would."""
    translation.save_target(publish=True)
    target = translation.source.get_translated_instance(translation.target_locale)
    if isinstance(target, Page):
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def translated_practice(network, strings, **snippets):
    city, page, body = greek_practice(network, **snippets)
    publish(translate(body, network.en, strings))
    english_city = publish(translate(city, network.en, strings))
    english = publish(translate(page, network.en, strings))
    return page, english_city, english


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def language_of(soup, text):
    """The language the page declares for the element holding `text`."""
    node = soup.select_one("main").find(string=lambda string: text in string)
    assert node is not None, text
    holder = node.find_parent(attrs={"lang": True})
    return holder["lang"] if holder is not None else soup.html["lang"]


def test_untranslated_texts_of_a_practice_are_marked_greek(network, client):
    greek, _city, english = translated_practice(network, TRANSLATED | {KEPT_AS_IS: KEPT_AS_IS})
    assert english.subtitle == "Μια προσέγγιση συνεργασίας" and english.title == "Coordination Centre"

    soup = fetch(client, english.url)
    assert soup.html["lang"] == "en"
    assert soup.select_one("main .notice") is None
    marked = [*PRACTICE_UNTRANSLATED, "Απογραφή 2011"]
    assert {text: language_of(soup, text) for text in marked} == dict.fromkeys(marked, "el")
    shown = [*TRANSLATED.values(), KEPT_AS_IS]
    assert {text: language_of(soup, text) for text in shown} == dict.fromkeys(shown, "en")
    # One paragraph of a rich text falls back, the other is translated.
    paragraphs = soup.select("#description-heading ~ p")
    assert [(p.get_text(), p.get("lang")) for p in paragraphs] == [
        ("First paragraph.", None),
        ("Δεύτερη παράγραφος.", "el"),
    ]
    image = soup.select_one(".gallery__image")
    assert image["alt"] == "Συνάντηση" and image["lang"] == "el"


def test_untranslated_texts_of_a_city_are_marked_greek(network, client):
    _greek, english_city, _english = translated_practice(network, TRANSLATED)
    soup = fetch(client, english_city.url)
    assert language_of(soup, "Municipality of Athens") == "en"
    assert {text: language_of(soup, text) for text in CITY_UNTRANSLATED} == dict.fromkeys(
        CITY_UNTRANSLATED, "el"
    )


def test_a_fully_translated_practice_has_no_greek_marks(network, client):
    everything = TRANSLATED | {text: f"English {i}" for i, text in enumerate(UNTRANSLATED)}
    everything |= {"Συνάντηση": "A meeting", KEPT_AS_IS: KEPT_AS_IS}
    _greek, english_city, english = translated_practice(network, everything)
    for url in (english.url, english_city.url):
        soup = fetch(client, url)
        assert soup.select("main [lang]") == [], url


def test_the_greek_source_has_no_marks(network, client):
    greek, city, _english = translated_practice(network, TRANSLATED)
    for url in (greek.url, city.get_translation(network.el).url):
        soup = fetch(client, url)
        assert soup.html["lang"] == "el"
        assert soup.select("main [lang]") == [], url


def test_a_translation_not_yet_published_stays_marked(network, client):
    greek, _city, english = translated_practice(network, TRANSLATED)
    # The translator now translates the subtitle in the editor, but does not publish.
    translate(greek, network.en, {"Μια προσέγγιση συνεργασίας": "A collaborative approach"})
    assert language_of(fetch(client, english.url), "Μια προσέγγιση συνεργασίας") == "el"


def test_snippets_shown_in_their_source_language_are_marked(network, client):
    # The importer's way: an English category made by wagtail-localize with no
    # string translated, so it holds the Greek name.
    housing = network.category("housing", "Στέγαση")
    publish(translate(housing, network.en, {}))
    # No English target group at all: the page falls back to the Greek one.
    women = network.target_group("women", "Γυναίκες")
    translated_category = network.category("health", "Υγεία", "Health")
    _greek, _city, english = translated_practice(
        network, TRANSLATED, categories=[housing, translated_category], target_groups=[women]
    )
    soup = fetch(client, english.url)
    assert {tag.get_text(): tag.get("lang") for tag in soup.select(".tags .tag")} == {
        "Στέγαση": "el",
        "Health": None,
    }
    assert language_of(soup, "Γυναίκες") == "el"
    # The organisation's name was translated through wagtail-localize.
    assert language_of(soup, "Body") == "en"


def test_rich_text_marks_only_untranslated_strings():
    class Item:
        translation_key = "key"
        description = (
            '<p>One <a linktype="page" id="3">link</a>.</p><ul><li>Δύο</li></ul><p>Τρία <b>και</b></p>'
        )

    untranslated = Untranslated(
        texts={("key", "description"): {"Δύο", "Τρία <b>και</b>"}}, languages={"key": "el"}
    )
    assert untranslated.rich_text(Item, "description", "en") == (
        '<p>One <a id="3" linktype="page">link</a>.</p><ul><li lang="el">Δύο</li></ul>'
        '<p lang="el">Τρία <b>και</b></p>'
    )
    assert untranslated.rich_text(Item, "description", "ar") == (
        '<p>One <a id="3" linktype="page">link</a>.</p><ul><li dir="ltr" lang="el">Δύο</li></ul>'
        '<p dir="ltr" lang="el">Τρία <b>και</b></p>'
    )
    assert Untranslated().rich_text(Item, "description", "en") == Item.description


def test_catalogue_cards_mark_untranslated_titles_summaries_and_categories(network, client):
    housing = network.category("housing", "Στέγαση")
    publish(translate(housing, network.en, {}))
    _greek, _city, english = translated_practice(
        network, {"Κέντρο Συντονισμού": "Coordination Centre"}, categories=[housing]
    )
    card = fetch(client, "/en/practices/").select_one(".card")
    assert card.get("lang") is None
    assert card.select_one(".card__title a").get("lang") is None
    assert card.select_one(".card__summary")["lang"] == "el"
    assert card.select_one(".tag")["lang"] == "el"


def test_an_untranslated_city_name_leaves_its_translated_figures_alone(network, client):
    strings = {key: value for key, value in TRANSLATED.items() if key != "Δήμος Αθηναίων"}
    _greek, _city, english = translated_practice(network, strings | {"Απογραφή 2011": "2011 census"})
    soup = fetch(client, english.url)
    assert soup.select_one(".practice__city a")["lang"] == "el"
    assert language_of(soup, "2011 census") == "en"


def test_lang_attr_adds_the_direction_when_it_changes():
    template = Template("{% load site_chrome %}<p{% lang_attr code %}></p>")
    inside_arabic = Context({"LANGUAGE_CODE": "ar", "code": "el"})
    assert template.render(inside_arabic) == '<p lang="el" dir="ltr"></p>'
    inside_english = Context({"LANGUAGE_CODE": "en", "code": "el"})
    assert template.render(inside_english) == '<p lang="el"></p>'
