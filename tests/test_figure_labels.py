"""What a figure measures, as a phrase of whole words: checked on every figure of the seed pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.figures.find import find_figures, key_figures
from briefs.pipeline.figure_rows import _clause_after, _clause_before, measures
from briefs.read import read_path
from briefs.text.sentences import split_sentences
from briefs.text.words import tokenizer

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
NUMERALS = set("0123456789０１２３４５６７８９.％%一二三四五六七八九十百千万亿两〇零")


def seed_figures():
    for path in SEEDS:
        for article in read_path(path).articles:
            for paragraph in article.paragraphs:
                for sentence in split_sentences(paragraph):
                    found = find_figures(sentence)
                    for figure in key_figures(found):
                        yield sentence, figure, found


CASES = list(seed_figures())


def test_the_seeds_have_figures_to_label():
    assert len(CASES) > 200 and sum(1 for s, f, found in CASES if measures(s, f, found)) > 100


def boundaries(text: str) -> set[int]:
    cuts, at = {0}, 0
    for word in tokenizer().lcut(text):
        at += len(word)
        cuts.add(at)
    return cuts


def whole_words(label: str, clause: str) -> bool:
    """``label`` stands in ``clause`` from one word boundary to another, not glued to a number."""
    starts = [i for i in range(len(clause)) if clause.startswith(label, i)]
    return any(
        {start, start + len(label)} <= boundaries(clause) and not (label[0] in NUMERALS and start > 0 and clause[start - 1] in NUMERALS)
        for start in starts
    )


def test_no_label_starts_or_ends_inside_a_word_or_a_number_or_outgrows_its_clause():
    wrong = []
    for sentence, figure, found in CASES:
        label = measures(sentence, figure, found)
        if not label:
            continue
        sides = [_clause_before(sentence, figure, found), _clause_after(sentence, figure, found)]
        if not any(whole_words(label, side) for side in sides):
            wrong.append((sentence, figure.source, label))
    assert wrong == []


@pytest.mark.parametrize(
    ("sentence", "source", "label"),
    [("到2025年实现产值达到50亿元。", "50亿元", "产值"),
     ("农民专业合作社将稳定在300家。", "300家", "农民专业合作社"),
     ("截至2022年末,共签约落地项目21个,协议投资额28.72亿元。", "28.72亿元", "协议投资额"),
     ("入社农户占比达到65%。", "65%", "入社农户占比"),
     ("龙城区农业产业化重点龙头企业已发展到35家。", "35家", "农业产业化重点龙头企业"),
     ("打造5个特色产业园区。", "5个", "特色产业园区")],
    ids=["after-a-year", "subject-before-verbs", "after-comma", "share", "verbal-noun-before-the-number", "counted-after"],
)  # fmt: skip
def test_labels_are_the_noun_phrase_before_the_figure(sentence, source, label):
    found = find_figures(sentence)
    figure = next(f for f in found if f.source == source)
    assert measures(sentence, figure, found) == label
