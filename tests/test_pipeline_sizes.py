"""How much of an article a brief summarizes: a budget of characters, not a count of sentences."""

from __future__ import annotations

import pytest

from briefs.engines.extractive import ExtractiveSummarizer, size

SENTENCES = [
    "今年以来，全县签约项目21个，协议投资额28.72亿元，同比增长15.3%。",
    "其中，投资亿元以上的项目有9个，涵盖新材料、新能源和现代农业等领域。",
    "县里建立了重点项目“一对一”服务机制，由县级领导牵头协调用地、用能和融资等问题。",
    "一季度共协调解决各类问题47个，办结率达到96.3%。",
    "下一步，全县将持续优化营商环境，力争全年签约项目投资额超过50亿元。",
    "签约项目建成后，预计年产值将超过40亿元，新增就业岗位3000个。",
]


@pytest.mark.parametrize("budget", [20, 60, 100, 200, 400])
def test_a_summary_holds_about_its_budget_and_at_least_one_sentence(budget):
    picked = ExtractiveSummarizer().summarize(SENTENCES, budget)
    used = sum(size(SENTENCES[i]) for i in picked)
    assert picked == sorted(picked) and picked
    assert used <= budget * 1.15 or len(picked) == 1
    assert used >= min(budget, sum(map(size, SENTENCES))) * 0.5  # never far short while sentences are left


def test_a_larger_budget_says_more():
    summarizer = ExtractiveSummarizer()
    assert len(summarizer.summarize(SENTENCES, 60)) < len(summarizer.summarize(SENTENCES, 200))


def test_no_budget_no_summary():
    assert ExtractiveSummarizer().summarize(SENTENCES, 0) == [] and ExtractiveSummarizer().summarize([], 200) == []
