"""Every page rule has one home: its literal is written in one module, and others import it by name.

A rule copied into a second module drifts (the copies of the photo numbers
once stopped at ⑩ in one reader and ⑳ in another), so this test reads every
string constant in the package and fails when a clause-mark set or a list of
Chinese words (a regex alternation such as 记者|通讯员) stands in two modules.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import regex

from briefs.text.marks import CLAUSE_MARKS, SENTENCE_END

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefs"
_CLASS = regex.compile(r"\[\^?((?:\\.|[^\]\\])+)\]")
_WORDS = regex.compile(r"\p{Han}+(?:\|\p{Han}+)+")
_MARKS = set(CLAUSE_MARKS + SENTENCE_END + "、")


def rule_literals(source: str) -> set[str]:
    """The clause-mark sets (as sorted marks) and the word alternations in a module's strings."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for match in _CLASS.finditer(node.value):
                marks = set(match.group(1).replace("\\", ""))
                if len(marks) >= 3 and marks <= _MARKS:
                    found.add("[" + "".join(sorted(marks)) + "]")
            found |= set(_WORDS.findall(node.value))
    return found


def homes() -> dict[str, set[str]]:
    where = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        for literal in rule_literals(path.read_text(encoding="utf-8")):
            where[literal].add(str(path.relative_to(PACKAGE)))
    return where


def test_no_rule_is_written_in_two_modules():
    assert {literal: sorted(mods) for literal, mods in homes().items() if len(mods) > 1} == {}


def test_the_finder_sees_a_copied_rule():
    copied = 'A = r"^(?:记者|通讯员)"\nB = re.compile(r"[，。；！？,;]")\n'
    assert rule_literals(copied) == {"记者|通讯员", "[,;。！，；？]"}
    assert rule_literals('C = r"[^（）()]{0,20}"\n') == set()  # brackets are not a mark set
