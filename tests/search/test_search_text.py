"""Folding and cleaning of text, as every database backend applies them."""

import pytest

from modelsearch.query import And, Not, Phrase, PlainText

from search.backends.queries import fold_query
from search.text import MAX_QUERY_LENGTH, MAX_QUERY_TERMS, clean_query, fold, query_terms


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ΣΤΕΓΑΣΗ", "στεγαση"),
        ("στέγαση", "στεγαση"),
        ("Στέγασης", "στεγασησ"),  # final sigma
        ("ΕΥΡΩΠΑΪΚΉ", "ευρωπαικη"),  # dialytika on a capital
        ("πρωτεΐνη", "πρωτεινη"),  # dialytika with tonos
        ("αϋπνία", "αυπνια"),
        ("στε\u0301γαση", "στεγαση"),  # decomposed tonos, as some keyboards send it
        ("στέ\u00adγαση", "στεγαση"),  # soft hyphen pasted from a document
        ("ῥήτωρ ᾠδή", "ρητωρ ωδη"),  # polytonic
        ("Café Naïve", "cafe naive"),
        ("Ｆｕｌｌ ｗｉｄｔｈ", "full width"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_is_idempotent_and_keeps_other_scripts_marks():
    assert fold(fold("Ευρωπαϊκή Ένωση")) == fold("Ευρωπαϊκή Ένωση")
    # Devanagari vowel signs are letters' parts, not accents.
    assert fold("हिन्दी") == "हिन्दी"


def test_clean_query_keeps_words_and_drops_control_characters():
    assert clean_query("στέγαση\x00προσφύγων") == "στέγαση προσφύγων"
    assert clean_query("  a\t\nb  ") == "a b"
    assert clean_query("\ud800x\u200by") == "xy"
    assert clean_query(None) == ""


def test_clean_query_bounds_length_at_a_word_boundary():
    cleaned = clean_query("στέγαση " * 1000)

    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert set(cleaned.split()) == {"στέγαση"}


def test_query_terms_are_plain_words():
    assert query_terms('NEAR("Στέγαση" -προσφύγων*) OR {title}:x') == [
        "near",
        "στεγαση",
        "προσφυγων",
        "or",
        "title",
        "x",
    ]
    assert query_terms("\"'*-()^:") == []
    assert len(query_terms(" ".join(f"w{number}" for number in range(100)))) == MAX_QUERY_TERMS


def test_fold_query_folds_every_string_in_a_query_tree():
    query = fold_query(And([PlainText("ΣΤΈΓΑΣΗ", operator="or"), Not(Phrase("Ευρωπαϊκή Ένωση"))]))

    plain, negated = query.subqueries
    assert (plain.query_string, plain.operator) == ("στεγαση", "or")
    assert negated.subquery.query_string == "ευρωπαικη ενωση"
