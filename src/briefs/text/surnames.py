"""Chinese surnames: the commonest single ones, the compound ones, and how names read them.

One table for the two places that need it: the reader takes a line of
surname-led words standing alone for a byline, and ``romanize`` writes a
surname-led name as a person's (韩建初 → "Han Jianchu"). Pure text.
"""

from __future__ import annotations

# The most common single-character surnames.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝"
)
# Surnames that as often begin a firm's or a place's name, or a common word
# (华锐, 龙城, 凌源, 和平, 明水, 路网): a name is not guessed to be a person's
# because one of these leads it.
AMBIGUOUS_SURNAMES = frozenset("凌华和左文时明柳甘芦路邝阳龙")
# Compound surnames, with the reading a name gives them (长孙 is Zhangsun, 万俟 Moqi).
COMPOUND_SURNAMES = {
    "欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "上官": "Shangguan", "东方": "Dongfang",
    "皇甫": "Huangfu", "尉迟": "Yuchi", "公孙": "Gongsun", "慕容": "Murong", "长孙": "Zhangsun",
    "令狐": "Linghu", "司徒": "Situ", "夏侯": "Xiahou", "宇文": "Yuwen", "万俟": "Moqi",
}  # fmt: skip
# Surnames whose name reading differs from the common word's (仇 is Qiu, not chou).
SURNAME_READINGS = {
    "仇": "qiu", "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "朴": "piao", "查": "zha",
    "盖": "ge", "乐": "yue", "翟": "zhai", "覃": "qin", "缪": "miao", "召": "shao", "种": "chong",
    "秘": "bi", "繁": "po", "员": "yun", "宓": "mi", "相": "xiang", "燕": "yan", "纪": "ji",
    "牟": "mou", "华": "hua", "任": "ren", "朝": "chao", "阚": "kan", "贲": "ben", "逄": "pang",
    "隗": "wei", "黑": "he", "折": "she", "尉": "wei", "薄": "bo", "沈": "shen", "柏": "bai",
}  # fmt: skip


def surname_of(name: str) -> str | None:
    """The surname ``name`` starts with, compound ones first, if it is one of the table's."""
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1] if name[:1] in SURNAMES else None
