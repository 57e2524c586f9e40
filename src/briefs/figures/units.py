"""What a number in Chinese news counts or measures, and how to say it in English.

Tables only; ``figures`` owns the grammar that uses them. Longer spellings
must win (个月 before 个, 平方公里 before 公里), so the patterns are built
longest first.
"""

from __future__ import annotations

import re

# Measures: the English unit is part of the reading ("19,000 square meters").
MEASURES: dict[str, str] = {
    "元": "yuan", "美元": "US dollars", "港元": "Hong Kong dollars", "欧元": "euros",
    "日元": "yen", "英镑": "pounds sterling",
    "亩": "mu", "公顷": "hectares", "平方公里": "square kilometers", "平方千米": "square kilometers",
    "平方米": "square meters", "平米": "square meters", "立方米": "cubic meters",
    "公里": "km", "千米": "km", "延长米": "linear meters", "米": "meters", "厘米": "cm", "毫米": "mm",
    "吨": "tonnes", "公斤": "kg", "千克": "kg", "斤": "jin",
    "兆瓦": "MW", "千瓦时": "kWh", "千瓦": "kW", "吉瓦": "GW", "千伏安": "kVA", "千伏": "kV",
    "MW": "MW", "GW": "GW", "kW": "kW", "KW": "kW", "kWh": "kWh", "KWh": "kWh",
    "kVA": "kVA", "KVA": "kVA", "kV": "kV", "KV": "kV", "km": "km",
    "个百分点": "percentage points", "倍": "times",
    # Durations. 年 only after a number that is not a year (15年, not 2022年).
    "个工作日": "working days", "工作日": "working days", "个月": "months", "小时": "hours",
    "分钟": "minutes", "天": "days", "年": "years",
}

# Measures that do not take a Chinese numeral: 三年行动 is a plan's name,
# 三天 too rare to be worth the idioms it would misread.
DIGITS_ONLY_MEASURES = frozenset({"年", "天"})

# Time units: 近 before them means "the past" (近3年), not "nearly".
DURATIONS = frozenset({"个工作日", "工作日", "个月", "小时", "分钟", "天", "年"})

SINGULAR = {
    "US dollars": "US dollar", "Hong Kong dollars": "Hong Kong dollar", "euros": "euro",
    "hectares": "hectare", "square kilometers": "square kilometer", "square meters": "square meter",
    "cubic meters": "cubic meter", "linear meters": "linear meter", "meters": "meter",
    "tonnes": "tonne", "working days": "working day", "months": "month", "hours": "hour",
    "minutes": "minute", "days": "day", "years": "year", "percentage points": "percentage point",
}

# Counters: the number counts things; English reads the bare number ("21").
COUNTERS = (
    "人次 家次 批次 周年 个 家 户 名 位 人 次 场 项 批 座 盏 株 棵 只 头 羽 套 台 辆 件 条 份 篇 种 类 "
    "笔 宗 块 张 间 栋 幢 处 支 镇 乡 村 街 大"
).split()

# Counters a Chinese numeral may take (a subset of COUNTERS). Narrower: 三级,
# 二十家子 are idioms and names; 大 ("三大" three major) takes numbers up to ten.
WORD_COUNTERS = "个 家 户 名 位 项 批 座 种 场 次 篇 条 件 套 台 类 支 大 人".split()

# After a measure: "/日" per day (800吨/日).
PER = {"日": "day", "天": "day", "年": "year", "月": "month", "小时": "hour", "吨": "tonne",
       "亩": "mu", "平方米": "square meter", "人": "person", "公斤": "kg", "千克": "kg"}

# Approximations, as English says them before the number.
PREFIX_APPROX = {"大约": "about", "约": "about", "将近": "nearly", "接近": "nearly", "近": "nearly",
                 "超过": "more than", "超": "more than", "逾": "more than",
                 "不到": "less than", "不足": "less than"}
INNER_APPROX = {"多": "more than", "余": "more than"}
SUFFIX_APPROX = {"以上": "more than", "多": "more than", "余": "more than", "左右": "about",
                 "上下": "about", "以下": "up to", "以内": "up to"}

# A Chinese count right before one of these is part of a place name (二十家子镇).
NAME_TAILS = "子村镇乡屯沟营堡窝铺岭"


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def singular(unit: str) -> str:
    return SINGULAR.get(unit, unit)
