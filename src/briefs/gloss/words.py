"""Chinese words for the gloss engine: the likeliest reading as dictionary words.

Chinese has no spaces, and the gloss can only be as good as the words it
looks up. A run of Han characters (what is left between figures and glossary
terms) is split by dynamic programming over every way of reading it as
dictionary words, jieba's DAG approach: the fewest, longest words win, and
between readings with as many words the one using frequent (core lexicon)
words wins. Runs of characters the dictionary can only read one by one are
handed to jieba's character HMM, which is good at spotting names; a group
it makes that no dictionary knows, and that is shaped like a name, is
reported as one. Pure text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Container, Mapping

import regex

# Frequencies for a dictionary word missing from the frequency table, and for
# a character no dictionary has. Against a total of at least a million, every
# word costs about the same, so the fewest words win; frequencies only break ties.
_UNLISTED = 3
_UNKNOWN_CHAR = 1

# Words that count things: a classifier after one of them has no English.
NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿几多数每这那该此各某首余")
# Characters Chinese uses to spell foreign names by sound (萨拉, 施耐德, 诺夫).
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦宝保鲍贝本比彼毕宾波玻伯勃博布查柴达戴丹道德登迪狄蒂帝丁东杜敦顿多朵厄恩尔法凡范"
    "菲斐费芬丰佛夫弗伏福盖甘冈戈哥格根古瓜圭哈海汉豪赫亨洪胡华惠霍基吉济加嘉贾简杰捷金津居卡凯坎康考柯科"
    "克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里理利莉丽连林琳留龙卢鲁路露伦罗洛马玛迈麦曼梅门蒙孟米密敏姆摩莫墨默"
    "穆纳娜奈南内尼妮涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇乔切钦琼丘让热瑞若萨塞赛桑瑟森沙莎尚舍什圣施史斯松"
    "苏索塔泰坦汤唐特滕提图托瓦万旺威韦维温沃乌伍武西希锡席夏肖谢辛休雅亚扬耶伊因英尤约泽扎詹兹宗祖佐"
    "通翰逊卫琪娅黛茜珊薇丝缇芙蓓姬萝娃耐伽"
)
_SOUNDS = "".join(sorted(TRANSLITERATION))
# The dots between the parts of a foreign name: 萨拉·丹尼尔斯.
NAME_DOTS = frozenset("·・•‧")
# Parts of a foreign name joined by a middle dot: 萨拉·丹尼尔斯, 罗兰多·门多萨.
_DOTTED_NAME = regex.compile(rf"[{_SOUNDS}]{{1,8}}(?:[·・•‧][{_SOUNDS}]{{1,8}})+")


@dataclass(frozen=True)
class Word:
    text: str
    is_name: bool = False


class Segmenter:
    """Splits runs of Han characters into dictionary words and names."""

    def __init__(
        self,
        known: Container[str],
        frequencies: Mapping[str, int] | None = None,  # words in it count as known
        *,
        max_len: int = 8,
        keep_single: Container[str] = (),
        guess_names: Callable[[str], list[str]] | None = None,
        looks_like_name: Callable[[str], bool] = lambda piece: True,
    ):
        self._known = known
        self._frequencies = frequencies or {}
        # Without a table every known word scores alike: the fewest words win.
        self._log_total = math.log(max(sum(self._frequencies.values()), 10**6))
        self._max_len = max_len
        self._keep_single = keep_single
        self._guess_names = guess_names
        # The HMM also groups ordinary unlisted compounds (揭牌, 一批); only
        # a group shaped like a name is read as one.
        self._looks_like_name = looks_like_name

    def cut(self, run: str) -> list[Word]:
        """``run`` (Han characters only) as words, left to right."""
        words = self._best_path(run)
        return self._find_names(words)

    def _score(self, word: str) -> float | None:
        freq = self._frequencies.get(word)
        if not freq:
            if word in self._known:
                freq = _UNLISTED
            elif len(word) == 1:
                freq = _UNKNOWN_CHAR
            else:
                return None
        return math.log(freq) - self._log_total

    def _best_path(self, run: str) -> list[str]:
        n = len(run)
        # best[i] = (log probability of run[i:], end of the first word there)
        best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
        for i in range(n - 1, -1, -1):
            options = []
            for j in range(i + 1, min(n, i + self._max_len) + 1):
                score = self._score(run[i:j])
                if score is not None:
                    # Ties go to the longer word: dictionary words over pieces.
                    options.append((score + best[j][0], j))
            best[i] = max(options)
        words, i = [], 0
        while i < n:
            j = best[i][1]
            words.append(run[i:j])
            i = j
        return words

    def _find_names(self, words: list[str]) -> list[Word]:
        """Re-read runs of lone characters (the usual shape of an unknown name)."""
        out: list[Word] = []
        buffer: list[str] = []

        def flush() -> None:
            chunk = "".join(buffer)
            buffer.clear()
            if len(chunk) < 2 or self._guess_names is None:
                out.extend(Word(c) for c in chunk)
                return
            for piece in self._guess_names(chunk):
                unknown = len(piece) > 1 and piece not in self._known and piece not in self._frequencies
                name = unknown and self._looks_like_name(piece)
                out.extend([Word(piece, True)] if name else [Word(c) for c in piece])

        for word in words:
            if len(word) == 1 and word not in self._keep_single:
                buffer.append(word)
                continue
            flush()
            out.append(Word(word))
        flush()
        return out


def name_shaped(piece: str, is_surname: Callable[[str], bool]) -> bool:
    """A Chinese personal name (surname + one or two characters) or a transliterated foreign one."""
    if piece[0] in NUMERALS:
        return False
    if all(c in TRANSLITERATION for c in piece):
        return True
    return len(piece) <= 3 and is_surname(piece[0])


def dotted_name_parts(
    sentence: str, is_name: Callable[[str], bool], is_common_word: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """(start, end) of each part of a foreign name written with middle dots.

    A part takes in the character before it when that makes a known name
    (卫 → 大卫), and gives back an edge character that begins or ends a common
    word outside the name (乌尔博士 → 乌尔 + 博士).
    """
    spans = []
    for match in _DOTTED_NAME.finditer(sentence):
        for part in regex.finditer(r"[^·・•‧]+", match[0]):
            start, end = match.start() + part.start(), match.start() + part.end()
            if start > 0 and is_name(sentence[start - 1 : end]):
                start -= 1
            while end - start > 1 and end < len(sentence) and is_common_word(sentence[end - 1 : end + 1]):
                end -= 1
            while end - start > 1 and start > 0 and is_common_word(sentence[start - 1 : start + 1]):
                start += 1
            spans.append((start, end))
    return spans
