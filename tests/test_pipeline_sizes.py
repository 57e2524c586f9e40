"""How much of an article a brief summarizes: one pick per ~8 sentences, within bounds."""

from __future__ import annotations

import pytest

from briefs.pipeline.article import ARTICLE_SUMMARY, SECTION_SUMMARY, summary_size


@pytest.mark.parametrize(
    "n, bounds, expected",
    [
        (0, ARTICLE_SUMMARY, 0),
        (2, ARTICLE_SUMMARY, 2),
        (5, ARTICLE_SUMMARY, 3),
        (24, ARTICLE_SUMMARY, 3),
        (25, ARTICLE_SUMMARY, 4),
        (40, ARTICLE_SUMMARY, 5),
        (200, ARTICLE_SUMMARY, 5),
        (1, SECTION_SUMMARY, 1),
        (8, SECTION_SUMMARY, 1),
        (9, SECTION_SUMMARY, 2),
        (200, SECTION_SUMMARY, 2),
    ],
    ids=["empty", "short-article", "article-min", "article-min-up-to-24", "article-grows", "article-max",
         "long-article", "one-sentence-section", "section-min", "section-grows", "section-max"],
)
def test_summary_size(n, bounds, expected):
    assert summary_size(n, bounds) == expected
