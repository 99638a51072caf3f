"""Seed the domain thesaurus with the field's standard terms.

About sixty synonym sets, Greek and English, modelled on the EU's asylum and
migration glossary (the European Migration Network's glossary, whose Greek
edition gives the official Greek terms) and on the words readers use for
them. IOM staff keep the sets in the admin (Snippets → Synonym sets); the
migration only adds sets that are not there yet, and taking it back removes
only sets that are still exactly as seeded.
"""

from django.db import migrations

NOTE = "Seeded from the EMN Asylum and Migration Glossary and readers' words"

ENGLISH = [
    ["housing", "accommodation", "shelter", "lodging", "home for refugees"],
    ["migrant", "immigrant", "newcomer"],
    ["asylum seeker", "asylum applicant", "applicant for international protection"],
    ["refugee", "beneficiary of international protection", "person granted asylum"],
    ["unaccompanied minor", "unaccompanied child", "separated child"],
    ["interpreter", "translator", "community interpreter"],
    ["interpreting", "interpretation", "translation"],
    ["intercultural mediator", "cultural mediator", "mediator"],
    ["intercultural mediation", "cultural mediation"],
    ["job", "employment", "work", "labour market integration"],
    ["classes", "lessons", "courses", "tuition"],
    ["language course", "language class", "language lessons"],
    ["school enrolment", "school registration", "enrollment in school"],
    ["children", "kids", "child"],
    ["young people", "youth", "teenagers", "adolescents"],
    ["women", "woman", "female"],
    ["gender-based violence", "domestic violence", "violence against women"],
    ["health care", "healthcare", "medical care"],
    ["doctor", "physician", "general practitioner"],
    ["clinic", "hospital", "health centre", "health center"],
    ["psychosocial support", "mental health support", "counselling"],
    ["legal aid", "legal assistance", "legal counselling"],
    ["integration", "inclusion", "social inclusion"],
    ["municipality", "city council", "local authority"],
    ["mentor", "buddy", "mentoring"],
    ["landlord", "property owner"],
    ["reception centre", "reception facility", "accommodation centre", "camp"],
    ["family reunification", "family reunion"],
    ["third-country national", "non-EU national"],
    ["irregular migrant", "undocumented migrant"],
    ["recognition of qualifications", "skills recognition"],
    ["vocational training", "job training", "apprenticeship"],
    ["childcare", "day care", "nursery"],
    ["migrant integration council", "migrants council", "integration council"],
]

GREEK = [
    ["στέγαση", "διαμονή", "κατάλυμα", "κατοικία", "στέγη"],
    ["μετανάστης", "αλλοδαπός"],
    ["αιτούντες άσυλο", "αιτών άσυλο", "αιτούντες διεθνή προστασία"],
    ["πρόσφυγας", "δικαιούχος διεθνούς προστασίας"],
    ["ασυνόδευτος ανήλικος", "ανήλικος χωρίς συνοδεία", "ασυνόδευτο παιδί"],
    ["διερμηνέας", "μεταφραστής"],
    ["διερμηνεία", "μετάφραση"],
    ["διαπολιτισμικός μεσολαβητής", "πολιτισμικός διαμεσολαβητής", "μεσολαβητής"],
    ["απασχόληση", "εργασία", "δουλειά", "αγορά εργασίας"],
    ["μαθήματα", "τάξεις", "τμήματα", "διδασκαλία"],
    ["μαθήματα ελληνικών", "εκμάθηση ελληνικής γλώσσας", "ελληνική γλώσσα"],
    ["εγγραφή στο σχολείο", "σχολική εγγραφή", "φοίτηση"],
    ["παιδιά", "παιδί", "ανήλικοι"],
    ["νέοι", "νεολαία", "έφηβοι"],
    ["έμφυλη βία", "ενδοοικογενειακή βία", "βία κατά των γυναικών"],
    ["υγεία", "υγειονομική περίθαλψη", "ιατρική φροντίδα"],
    ["γιατρός", "ιατρός"],
    ["ιατρείο", "νοσοκομείο", "κέντρο υγείας"],
    ["ψυχοκοινωνική στήριξη", "ψυχολογική υποστήριξη", "συμβουλευτική"],
    ["νομική βοήθεια", "νομική συνδρομή", "νομική ενημέρωση"],
    ["ένταξη", "κοινωνική ένταξη", "ενσωμάτωση"],
    ["δήμος", "τοπική αυτοδιοίκηση"],
    ["μέντορας", "καθοδήγηση"],
    ["ιδιοκτήτης", "σπιτονοικοκύρης"],
    ["ενοίκιο", "μίσθωση", "μισθωτήριο"],
    ["δομή φιλοξενίας", "κέντρο υποδοχής", "καταυλισμός"],
    ["οικογενειακή επανένωση", "επανένωση οικογένειας"],
    ["υπήκοος τρίτης χώρας", "πολίτης τρίτης χώρας"],
    ["αναγνώριση δεξιοτήτων", "αναγνώριση προσόντων"],
    ["επαγγελματική κατάρτιση", "κατάρτιση"],
    ["φύλαξη παιδιών", "παιδικός σταθμός", "βρεφονηπιακός σταθμός"],
    ["Συμβούλιο Ένταξης Μεταναστών", "ΣΕΜ"],
    ["ΑΜΚΑ", "αριθμός κοινωνικής ασφάλισης"],
    ["ΠΑΑΥΠΑ", "προσωρινός αριθμός υγειονομικής περίθαλψης"],
]

SEED = [("en", terms) for terms in ENGLISH] + [("el", terms) for terms in GREEK]


def seed(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    existing = set(SynonymSet.objects.values_list("language", "terms"))
    SynonymSet.objects.bulk_create(
        [
            SynonymSet(language=language, terms="\n".join(terms), note=NOTE)
            for language, terms in SEED
            if (language, "\n".join(terms)) not in existing
        ]
    )


def unseed(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    for language, terms in SEED:
        SynonymSet.objects.filter(language=language, terms="\n".join(terms), note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0006_analysed_fulltext_columns")]

    operations = [migrations.RunPython(seed, unseed)]
