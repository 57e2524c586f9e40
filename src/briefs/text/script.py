"""Traditional characters: found by their most frequent forms, read through a simplified copy.

Taiwan and Hong Kong papers are set in traditional characters. The figures
reader, the glossary and the dictionary gloss are built on simplified text,
so they see a simplified copy (OpenCC ``t2s``), while a brief shows the Chinese
as written. OpenCC is imported only for a page that needs it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from .marks import HAN

# The 200 most frequent characters that exist only in traditional script, measured on news
# and FLORES text converted with OpenCC s2t (none occurs in simplified text).
_TRADITIONAL_ONLY = frozenset(
    "業發項區爲產開個進動實縣國務會資設這時經來現對們後級員環辦與龍羣體於將質機報創營過學電總點園導強種並達關濟規結場"
    "農該題億專選爾聯組間範長興領數衆車線陽優續約問計轉劃門萬當兩鄉確運調標積亞責馬賽黨製舉議圍沒協稱極術決節還內裝從"
    "記堅說隊遼據幹應臺裏統備難負佈單帶醫態爭網處風緊鎮簽傳戰寧遊無獲參類條繞樣斷認準納紀構評審頭週織許飛華復綠變顯羅"
    "戶屬響護軍訊廣證讓勢見廠監給競論東島則驗義採職鏈嚴維隨蘭績圖礎習薩奧儘擔離餘觀穩況層駐聲攝輕傷勵歷氣諾視揮預熱際"
)
# A simplified page may quote a traditional name or two; a traditional page has them everywhere.
_MIN_SHARE = 0.03
_MIN_COUNT = 3


def is_traditional(text: str) -> bool:
    han = HAN.findall(text)
    hits = sum(1 for c in han if c in _TRADITIONAL_ONLY)
    return hits >= _MIN_COUNT and hits >= _MIN_SHARE * len(han)


def _same(text: str) -> str:
    return text


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def simplifier(traditional: bool) -> Callable[[str], str]:
    """What the figures, glossary and engines read: the text itself, or its simplified copy."""
    return _t2s() if traditional else _same
