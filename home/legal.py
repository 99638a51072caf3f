"""The accessibility statement and the privacy notice, in every content language.

`setup_network` calls `ensure_legal_pages()` after the site tree exists. Each
page is get-or-create by slug under each language's home page: an existing
page, edited or not, is left alone. The first text is written here, in Greek
and English, as page content for editors to adapt (not interface strings),
describing what this code actually does.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from home.models import LegalPage
from home.site_tree import _ensure_translation, _publish, ensure_site_tree

ACCESSIBILITY_SLUG = "accessibility"
PRIVACY_SLUG = "privacy"

TITLES = {
    ACCESSIBILITY_SLUG: {"el": "Δήλωση προσβασιμότητας", "en": "Accessibility statement"},
    PRIVACY_SLUG: {"el": "Πολιτική απορρήτου", "en": "Privacy notice"},
}


def _accessibility(language):
    if language == "el":
        return (
            "<p>Το Δίκτυο Πόλεων για την Ένταξη θέλει ο ιστότοπός του να μπορεί να τον χρησιμοποιεί "
            "ο καθένας. Στόχος μας είναι η συμμόρφωση με το πρότυπο WCAG 2.1, επίπεδο AA, όπως ζητούν "
            "η Οδηγία (ΕΕ) 2016/2102 και ο ν. 4591/2019.</p>"
            "<h2>Τι μπορείτε να κάνετε</h2>"
            "<ul><li>να χρησιμοποιήσετε όλο τον ιστότοπο μόνο με το πληκτρολόγιο·</li>"
            "<li>να μεγεθύνετε το κείμενο έως 200% χωρίς να χαθεί περιεχόμενο·</li>"
            "<li>να διαβάσετε κάθε σελίδα με αναγνώστη οθόνης, στα ελληνικά και στα αγγλικά·</li>"
            "<li>να εκτυπώσετε κάθε πρακτική ή να την κατεβάσετε ως PDF.</li></ul>"
            "<h2>Πώς το ελέγχουμε</h2>"
            "<p>Κάθε αλλαγή στον κώδικα ελέγχεται αυτόματα σε πραγματικό φυλλομετρητή με το εργαλείο "
            "axe-core, για τους κανόνες WCAG 2.1 A και AA, στα ελληνικά και στα αγγλικά, και με διαδρομές "
            "που γίνονται μόνο με το πληκτρολόγιο.</p>"
            "<h2>Γνωστοί περιορισμοί</h2>"
            "<ul><li>Οι χάρτες δεν είναι πλήρως προσβάσιμοι· οι ίδιες πόλεις υπάρχουν πάντα και ως λίστα "
            "με συνδέσμους κάτω από τον χάρτη.</li>"
            "<li>Τα γραφήματα συνοδεύονται από πίνακα με τους ίδιους αριθμούς.</li>"
            "<li>Κείμενα που δεν έχουν ακόμη μεταφραστεί εμφανίζονται στη γλώσσα του πρωτοτύπου, "
            "σημειωμένα ως τέτοια.</li></ul>"
            "<h2>Επικοινωνία</h2>"
            "<p>Αν κάτι δεν μπορείτε να το χρησιμοποιήσετε, γράψτε μας και θα σας απαντήσουμε.</p>"
        )
    return (
        "<p>The Cities Network for Integration wants everyone to be able to use its website. We aim to "
        "meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, as Directive (EU) "
        "2016/2102 and Greek Law 4591/2019 require.</p>"
        "<h2>What you can do</h2>"
        "<ul><li>use the whole site with a keyboard alone;</li>"
        "<li>zoom text up to 200% without losing content;</li>"
        "<li>read every page with a screen reader, in Greek and in English;</li>"
        "<li>print any practice, or download it as a PDF.</li></ul>"
        "<h2>How we check it</h2>"
        "<p>Every change to the code is tested automatically in a real browser with axe-core against "
        "the WCAG 2.1 A and AA rules, in Greek and in English, and with journeys made by keyboard "
        "alone.</p>"
        "<h2>Known limitations</h2>"
        "<ul><li>The maps are not fully accessible; the same cities are always listed, with links, "
        "below the map.</li>"
        "<li>Charts come with a table of the same numbers.</li>"
        "<li>Text that has not been translated yet is shown in its original language, and marked as "
        "such.</li></ul>"
        "<h2>Contact</h2>"
        "<p>If you cannot use something on this site, write to us and we will answer.</p>"
    )


def _privacy(language):
    days = settings.CONTACT_MESSAGE_RETENTION_DAYS
    if language == "el":
        return (
            "<p>Ο ιστότοπος του Δικτύου Πόλεων για την Ένταξη δεν σας παρακολουθεί: δεν χρησιμοποιεί "
            "εργαλεία στατιστικής ή διαφήμισης και δεν ορίζει cookies όταν διαβάζετε τις σελίδες του.</p>"
            "<h2>Όταν γράφετε σε μια πόλη</h2>"
            "<p>Η φόρμα «Επικοινωνία με την πόλη» στέλνει το όνομα, τη διεύθυνση email και το μήνυμά σας "
            "στην επίσημη διεύθυνση του δήμου. Κρατάμε ένα αντίγραφο, ώστε το μήνυμα να φτάσει στον δήμο "
            f"ακόμη κι αν αποτύχει η αποστολή, και το διαγράφουμε αυτόματα μετά από {days} ημέρες. "
            "Η σελίδα της φόρμας ορίζει ένα cookie ασφαλείας (csrftoken), απαραίτητο για την αποστολή. "
            "Για να εμποδίσουμε μαζικές αποστολές, μετράμε για λίγο τα μηνύματα ανά σύνδεση, με "
            "κρυπτογραφημένη μορφή της διεύθυνσης IP που δεν αποθηκεύεται ποτέ στη βάση δεδομένων.</p>"
            "<h2>Χάρτες</h2>"
            "<p>Ο χάρτης φορτώνεται μόνο αν τον ανοίξετε. Τότε ο φυλλομετρητής σας ζητά τις εικόνες του "
            "χάρτη από τον πάροχό τους (OpenStreetMap), ο οποίος βλέπει τη διεύθυνση IP σας.</p>"
            "<h2>Τα δικαιώματά σας</h2>"
            "<p>Μπορείτε να ζητήσετε να δείτε ή να διαγραφεί ένα μήνυμα που στείλατε, γράφοντας στο "
            "Δίκτυο. Έχετε επίσης δικαίωμα καταγγελίας στην Αρχή Προστασίας Δεδομένων Προσωπικού "
            "Χαρακτήρα.</p>"
        )
    return (
        "<p>The Cities Network for Integration's website does not track you: it uses no analytics or "
        "advertising tools, and sets no cookies while you read its pages.</p>"
        "<h2>When you write to a city</h2>"
        "<p>The “Contact the city” form sends your name, email address and message to the "
        "municipality's official address. We keep a copy, so that the message reaches the city even if "
        f"sending fails, and delete it automatically after {days} days. The form's page sets one "
        "security cookie (csrftoken) that sending needs. To stop mass mailing, we briefly count "
        "messages per connection, using a scrambled form of your IP address that is never stored in "
        "the database.</p>"
        "<h2>Maps</h2>"
        "<p>A map is loaded only if you open it. Your browser then asks the map's provider "
        "(OpenStreetMap) for its pictures, and the provider sees your IP address.</p>"
        "<h2>Your rights</h2>"
        "<p>You may ask to see, or to have deleted, a message you sent, by writing to the network. You "
        "may also complain to the Hellenic Data Protection Authority.</p>"
    )


BODIES = {ACCESSIBILITY_SLUG: _accessibility, PRIVACY_SLUG: _privacy}


def _ensure_default(home, slug, language):
    existing = LegalPage.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    page = LegalPage(
        title=TITLES[slug].get(language, TITLES[slug]["en"]),
        slug=slug,
        locale=home.locale,
        body=BODIES[slug](language),
        last_reviewed=timezone.localdate(),
    )
    return _publish(home.add_child(instance=page))


def _ensure_other(source, locale, language):
    translation = source.get_translation_or_none(locale)
    if translation is not None:
        return translation.specific
    page = _ensure_translation(source, locale, TITLES[source.slug].get(language, TITLES[source.slug]["en"]))
    page.body = BODIES[source.slug](language)
    return _publish(page)


@transaction.atomic
def ensure_legal_pages(trees=None):
    """{slug: {language code: LegalPage}}, creating whatever is missing."""
    trees = trees or ensure_site_tree()
    default = settings.LANGUAGE_CODE
    pages = {}
    for slug in TITLES:
        source = _ensure_default(trees[default].home, slug, default)
        pages[slug] = {default: source}
        for code, tree in trees.items():
            if code != default:
                pages[slug][code] = _ensure_other(source, tree.home.locale, code)
    return pages
