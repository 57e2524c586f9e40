"""A publisher's own e-paper pages: masthead and banners are page furniture, headlines and decks come
back whole, the credit gives back the body's first characters, a jump is read across pages.

The pages are set by tests/pdfkit.py in the shapes a layout program makes
(tests/pdfpublisher.py); the text is invented.
"""

from __future__ import annotations

from collections import Counter

import pytest
import regex
from pdfkit import Edition, typeset
from pdfpublisher import (
    ARTICLES, BANNER, DATE, FRONT, JUMP_IN, JUMP_OUT, LEAD_AFTER_JUMP, LEAD_CREDIT, LEAD_DECK, LEAD_FIRST, LEAD_REST,
    LEAD_TITLE, MASTHEAD, NOTICE, PAPER, PARK,
)  # fmt: skip
from readerkit import document_text

from briefs.document import Document, Stated
from briefs.errors import InputError
from briefs.read import read_bytes

HAN = regex.compile(r"\p{Han}")


@pytest.fixture(scope="module")
def front() -> Document:
    return read_bytes(typeset(FRONT), "front.pdf")


def article(doc: Document, title: str):
    (found,) = [a for a in doc.articles if a.title == title]
    return found


def kinds(extras) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in extras]


def test_only_stories_with_a_body_are_articles(front):
    assert tuple(a.title for a in front.articles) == ARTICLES


def test_the_masthead_and_banners_are_page_furniture(front):
    furniture = {e.text for e in front.extras}
    assert {MASTHEAD.name, MASTHEAD.day, *MASTHEAD.latin.split(), *MASTHEAD.notes} <= furniture
    assert {BANNER.name, *BANNER.latin} <= furniture


def test_the_masthead_names_the_paper_and_the_day(front):
    assert front.metadata.publication == Stated(PAPER, "masthead")
    assert front.metadata.date == Stated("2024-05-16", "folio")


def test_each_article_knows_its_page_from_the_folio(front):
    assert article(front, LEAD_TITLE).metadata.page == Stated("1", "folio, inferred")  # the front page prints none
    assert article(front, "江城消费品博览会签约额创新高").metadata.page == Stated("2", "folio")


def test_a_letter_spaced_title_over_two_lines_comes_back_whole_with_its_deck(front):
    lead = article(front, LEAD_TITLE)
    assert (lead.kicker, lead.title, lead.subtitle) == (None, LEAD_TITLE, " ".join(LEAD_DECK))


def test_the_credit_gives_back_the_first_characters_of_the_body(front):
    lead = article(front, LEAD_TITLE)
    assert lead.paragraphs[0] == LEAD_FIRST
    assert ("byline", LEAD_CREDIT) in kinds(lead.extras)


def test_a_boxed_byline_and_a_photo_credit_are_extras(front):
    park = article(front, PARK.title)
    assert park.paragraphs == PARK.paragraphs
    assert kinds(park.extras) == [("byline", PARK.byline), ("caption", PARK.captions[0])]


def test_a_boxed_notice_without_a_body_is_a_note_on_the_page(front):
    assert ("note", NOTICE.title) in kinds(front.extras)


def test_a_story_that_jumps_to_another_page_is_read_as_one_article(front):
    lead = article(front, LEAD_TITLE)
    assert lead.paragraphs == [LEAD_FIRST, *LEAD_REST, *LEAD_AFTER_JUMP]
    assert [e.text for e in lead.extras if e.kind == "jump"] == [JUMP_OUT, JUMP_IN]


def test_a_jump_to_a_page_not_in_the_file_is_kept_and_the_article_ends_there():
    first_page = Edition(PAPER, DATE, pages=((4, "要闻"),), masthead=MASTHEAD, stories=FRONT.stories[:3])
    lead = article(read_bytes(typeset(first_page), "front.pdf"), LEAD_TITLE)
    assert lead.paragraphs == [LEAD_FIRST, *LEAD_REST]
    assert kinds(lead.extras)[-1] == ("jump", JUMP_OUT)


def test_no_han_character_is_lost(front):
    written = Counter(HAN.findall("".join(FRONT.texts())))
    read = Counter(HAN.findall(document_text(front)))
    assert written - read == Counter()


def test_a_page_of_headlines_without_a_body_is_refused_with_its_reason():
    only_notice = Edition(PAPER, DATE, pages=((2, "要闻"),), stories=(NOTICE,))
    with pytest.raises(InputError, match="no article text found \\(1 headline without one\\)"):
        read_bytes(typeset(only_notice), "notice.pdf")


def test_the_brief_gives_the_paper_the_day_the_page_and_where_the_story_jumps(front):
    import briefs

    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    lead, *_ = briefs.Briefer(config, warn=lambda line: None).brief(front)
    assert (lead.publication_zh, lead.date, lead.page, lead.jumps) == (PAPER, "2024-05-16", "1", (JUMP_OUT, JUMP_IN))
    assert "| Jumps | continued on page 2; both parts are in this brief |" in briefs.render_markdown(lead)
