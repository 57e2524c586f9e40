"""Figures: how every number of the seeds reads in English, and how a translation is held to them."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefs.figures.check import check_figures
from briefs.figures.english_numbers import english_numbers
from briefs.figures.figure import Figure
from briefs.figures.find import find_figures, key_figures, read_number
from briefs.protocols import Translator
from briefs.read import read_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def figures_of(text: str) -> list[tuple[str, str]]:
    return [(f.source, f.english) for f in find_figures(text)]


# (context quoted from a seed, the figure's source, its English reading)
SEED_QUANTITIES = [
    ("协议投资额28.72亿元", "28.72亿元", "2.872 billion yuan"),
    ("场地平整770亩", "770亩", "770 mu"),
    ("完成101线(开发区段)5公里拓宽改造", "5公里", "5 km"),
    ("新修道路1900米", "1900米", "1,900 meters"),
    ("新建15万KVA变电站一座", "15万KVA", "150,000 kVA"),
    ("新建800吨/日污水处理厂", "800吨/日", "800 tonnes per day"),
    ("3000吨/日污水处理厂各一座", "3000吨/日", "3,000 tonnes per day"),
    ("为25家企业办理规划许可手续", "25家", "25"),
    ("累计组卷土地卷23个批次", "23个", "23"),
    ("总面积93.1278公顷", "93.1278公顷", "93.1278 hectares"),
    ("努力在2025年实现产值达到100亿元", "100亿元", "10 billion yuan"),
    ("计划引进生产型企业20家以上", "20家以上", "more than 20"),
    ("在全省参与测评的27个同类县市中排名第一", "27个", "27"),
    ("喀左县派出33名副县级以上领导", "33名", "33"),
    ("126户“四上”企业", "126户", "126"),
    ("还是喀喇沁左翼蒙古族自治县成立65周年", "65周年", "65"),
    ("签约项目9个,总投资61.12亿元", "61.12亿元", "6.112 billion yuan"),
    ("复工项目77个,总投资134.34亿元", "134.34亿元", "13.434 billion yuan"),
    ("至2月末实现固定资产投资1.55亿元", "1.55亿元", "155 million yuan"),
    ("增速51%,位列朝阳市第一", "51%", "51%"),
    ("预计完成固定资产投资8.58亿元", "8.58亿元", "858 million yuan"),
    ("这几天,60万只鸡将转到蛋鸡场待产", "60万只", "600,000"),
    ("届时日产量鲜蛋将达150吨", "150吨", "150 tonnes"),
    ("全年开工项目160个以上", "160个以上", "more than 160"),
    ("主攻的21个投资5亿元以上的单体大项目", "5亿元以上", "more than 500 million yuan"),
    ("包括投资50亿元的浴龙谷抽水蓄能", "50亿元", "5 billion yuan"),
    ("投资16亿元的滨江学府房地产开发项目", "16亿元", "1.6 billion yuan"),
    ("为农产品加工园区(北区)完成征地1200亩", "1200亩", "1,200 mu"),
    ("每年可生产高端宠物食品8万吨", "8万吨", "80,000 tonnes"),
    ("实现产值12亿元", "12亿元", "1.2 billion yuan"),
    ("储备项目71个,计划总投资151.47亿元", "151.47亿元", "15.147 billion yuan"),
    ("累计总投资约4.1亿元", "约4.1亿元", "about 410 million yuan"),
    ("喀左县地区生产总值增长6.2%", "6.2%", "6.2%"),
    ("规模以上工业增加值增长19.8%", "19.8%", "19.8%"),
    ("总建筑面积1.9万平方米", "1.9万平方米", "19,000 square meters"),
    ("已累计完成投资8870万元", "8870万元", "88.7 million yuan"),
    ("年可实现产值1.96亿元", "1.96亿元", "196 million yuan"),
    ("带动就业百人以上", "百人以上", "more than 100"),
    ("智能电子科技园等项目55个,投资额54.42亿元", "54.42亿元", "5.442 billion yuan"),
    ("聘请21位企业负责人担任招商顾问", "21位", "21"),
    ("实现工业总产值41.1亿元", "41.1亿元", "4.11 billion yuan"),
    ("复工率达到97%", "97%", "97%"),
    ("凯美石英等十余家企业纳入", "十余家", "more than ten"),
    ("凯美石英实现营业收入895万元", "895万元", "8.95 million yuan"),
    ("亿华新材料实现营业收入1313万元", "1313万元", "13.13 million yuan"),
    ("办理时限压缩60%", "60%", "60%"),
    ("全县政务服务事项基本目录(2025版)1047项", "1047项", "1,047"),
    ("一窗受理率达90%以上", "90%以上", "more than 90%"),
    ("已成功举办十余场专场招聘会", "十余场", "more than ten"),
    ("为劳动者提供超过2000个就业岗位", "超过2000个", "more than 2,000"),
    ("入场求职者达1000余人次", "1000余人次", "more than 1,000"),
    ("“直播带岗”浏览量达1万余人次", "1万余人次", "more than 10,000"),
    ("实现企业开办时间压缩至0.5个工作日", "0.5个工作日", "0.5 working days"),
    ("喀左县存续经营主体已达37663户", "37663户", "37,663"),
    ("栽植芍药花1万余株", "1万余株", "more than 10,000"),
    ("新增绿化面积4000平方米", "4000平方米", "4,000 square meters"),
    ("播种向日葵11325平方米", "11325平方米", "11,325 square meters"),
    ("在环卫小园硬化面积1070.5平方米", "1070.5平方米", "1,070.5 square meters"),
    ("唐槭等乔木70余株", "70余株", "more than 70"),
    ("栽植金叶榆模纹121延长米", "121延长米", "121 linear meters"),
    ("共出动执法人员1388人次", "1388人次", "1,388"),
    ("检查农村食品经营主体671家次", "671家次", "671"),
    ("今年前10个月", "10个月", "10 months"),
    ("完成固定资产投资66.5亿元,同比增长8.2%", "66.5亿元", "6.65 billion yuan"),
    ("总建筑面积3.2万平方米", "3.2万平方米", "32,000 square meters"),
    ("次氧化锌和其他附属产品10.96万吨", "10.96万吨", "109,600 tonnes"),
    ("预计实现年销售额4亿元,税收2400万元", "2400万元", "24 million yuan"),
    ("会上,130多位受邀客商及商会负责人参加", "130多位", "more than 130"),
    ("总投资达40亿元以上", "40亿元以上", "more than 4 billion yuan"),
    ("新增清洁能源装机容量100兆瓦以上", "100兆瓦以上", "more than 100 MW"),
    ("累计招商引资签约项目66个,总投资557.85亿元", "557.85亿元", "55.785 billion yuan"),
    ("为全县34470个项目", "34470个", "34,470"),
    ("审批时限为8个工作日", "8个工作日", "8 working days"),
    ("县级办结率达96%", "96%", "96%"),
    ("总体规划园区道路52.91公里", "52.91公里", "52.91 km"),
    ("日供水能力2.2万立方米的供水工程", "2.2万立方米", "22,000 cubic meters"),
    ("安装路灯1348盏", "1348盏", "1,348"),
    ("年生产1万吨高速钢轧辊", "1万吨", "10,000 tonnes"),
    ("计划总投资6.3亿元", "6.3亿元", "630 million yuan"),
    ("总投资5700万元的鑫巨龙数控机床生产项目", "5700万元", "57 million yuan"),
    ("年产4万吨四氯化钛", "4万吨", "40,000 tonnes"),
    ("华源电力1200兆瓦抽水蓄能电站", "1200兆瓦", "1,200 MW"),
    ("强力打造浪马5G数字化智能制造和120万套轮胎扩能项目", "120万套", "1.2 million"),
    ("对北京嘉寓150MW风力发电等15个新开工项目", "150MW", "150 MW"),
    ("项目33个,总投资84.4亿元", "84.4亿元", "8.44 billion yuan"),
    ("现集聚产值500万元以上企业107家", "500万元以上", "more than 5 million yuan"),
    ("给予5万元至200万元的奖励扶持", "5万元至200万元", "50,000 to 2 million yuan"),
    ("投入300万元对获得“揭榜挂帅”", "300万元", "3 million yuan"),
    ("全长约60公里", "约60公里", "about 60 km"),
    ("项目区域覆盖面积230平方公里", "230平方公里", "230 square kilometers"),
    ("项目区域覆盖面积230平方公里,约6万人口", "约6万人", "about 60,000"),
    ("农产品出口创汇居朝阳市领先地位,达4100多万美元", "4100多万美元", "more than 41 million US dollars"),
    ("年出口创汇1200万美元", "1200万美元", "12 million US dollars"),
    ("实现利税4800万元", "4800万元", "48 million yuan"),
    ("全区物流业增加值占生产总值的比重达到12%以上", "12%以上", "more than 12%"),
    ("龙城区农民专业合作社将稳定在300家左右", "300家左右", "about 300"),
    ("入社农户占比40%以上", "40%以上", "more than 40%"),
    ("入股面积5万亩", "5万亩", "50,000 mu"),
    ("全长59.75公里", "59.75公里", "59.75 km"),
    ("聚焦招商引资、产业发展、营商环境三大方面", "三大", "three major"),
    ("以优异成绩同时跻身两大榜单", "两大", "two major"),
    ("创建氛围营造“十大突破行动”", "十大", "ten major"),
    ("为每个项目(企业)配备主、副两名管家", "两名", "two"),
    ("全保重工公司建立智能机器人生产线,产值同比增长57%", "57%", "57%"),
]


def _id(row) -> str:
    return row[1]


@pytest.mark.parametrize("context,source,english", SEED_QUANTITIES, ids=map(_id, SEED_QUANTITIES))
def test_seed_quantity_reads_in_english(context, source, english):
    assert (source, english) in figures_of(context)


def test_the_seed_table_is_large_and_quoted_from_the_seeds():
    pages = "".join(p.read_text(encoding="utf-8") for p in SEEDS)
    assert len(SEED_QUANTITIES) >= 60
    assert [c for c, _, _ in SEED_QUANTITIES if c not in pages] == []


@pytest.mark.parametrize(
    "text,value,unit,kind,high",
    [
        ("协议投资额28.72亿元", 2872000000, "yuan", "quantity", None),
        ("总建筑面积1.9万平方米", 19000, "square meters", "quantity", None),
        ("增长6.2%", 6.2, "%", "percent", None),
        ("等十余家企业", 10, None, "count", 20),
        ("达4100多万美元", 41000000, "US dollars", "quantity", None),
        ("给予5万元至200万元的奖励", 50000, "yuan", "quantity", 2000000),
        ("5至10万元", 50000, "yuan", "quantity", 100000),
        ("10%-20%", 10, "%", "percent", 20),
        ("增长1.5倍", 1.5, "times", "quantity", None),
        ("提高2.3个百分点", 2.3, "percentage points", "quantity", None),
        ("百分之十五", 15, "%", "percent", None),
        ("达到１２３万元", 1230000, "yuan", "quantity", None),
        ("500元/吨", 500, "yuan per tonne", "quantity", None),
        ("1,200万元", 12000000, "yuan", "quantity", None),
        ("增长百分之五点二", 5.2, "%", "percent", None),
        ("投资三点五亿元", 350000000, "yuan", "quantity", None),
        ("十二点五万平方米", 125000, "square meters", "quantity", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_value_unit_and_kind(text, value, unit, kind, high):
    (figure,) = find_figures(text)
    assert (figure.value, figure.unit, figure.kind, figure.value_high) == (value, unit, kind, high)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("喀左经开区2016年4月晋升", [("2016年4月", "April 2016")]),
        ("3月23日,喀喇沁左翼蒙古族自治县召开", [("3月23日", "March 23")]),
        ("到9月份,一期项目将全面达产", [("9月份", "September")]),
        ("截至2022年末,共签约落地项目21个", [("2022年末", "end of 2022"), ("21个", "21")]),
        ("2022年6月下旬迎来第一批鸡雏入圈", [("2022年6月下旬", "late June 2022"), ("第一", "first")]),
        ("项目于7月中旬开工", [("7月中旬", "mid-July")]),
        ("2022年下半年,喀左县", [("2022年下半年", "second half of 2022")]),
        ("该项目计划2021年年底竣工投产", [("2021年年底", "end of 2021")]),
        ("截至10月末", [("10月末", "end of October")]),
        ("自2021年7月至2022年10月", [("2021年7月", "July 2021"), ("2022年10月", "October 2022")]),
        ("1月至3月,全县招商引资", [("1月", "January"), ("3月", "March")]),
        ("去年4月26日,年生产1万吨", [("4月26日", "April 26"), ("1万吨", "10,000 tonnes")]),
        ("乡村振兴学校2023年度第一课开讲", [("2023年度", "2023"), ("第一", "first")]),
        ("阳春三月", [("三月", "March")]),
        ("近3年来", [("3年", "3 years")]),
        ("5000年历史", [("5000年", "5,000 years")]),
        # Typeset pages put spaces between digits and characters.
        ("2022 年 3 月 23 日召开", [("2022 年 3 月 23 日", "March 23, 2022")]),
        ("截至 2022 年末", [("2022 年末", "end of 2022")]),
        # Years written digit by digit in Chinese numerals, 〇 often typed as ○.
        ("二〇二二年三月", [("二〇二二年三月", "March 2022")]),
        ("一九九八年十月一日", [("一九九八年十月一日", "October 1, 1998")]),
        ("二○二三年末", [("二○二三年末", "end of 2023")]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_dates_durations_and_ordinals_read(text, expected):
    assert figures_of(text) == expected


def test_a_date_keeps_its_parts_as_yyyymmdd():
    assert [f.value for f in find_figures("2016年4月,3月23日,2022年")] == [20160400, 323, 20220000]
    assert {f.kind for f in find_figures("2016年4月,3月23日")} == {"date"}


@pytest.mark.parametrize(
    "text",
    [
        "中电科53所配套园区",
        "“3+4+20+22”专业化招商工作机制",
        "国家4A级景区",
        "浪马5G数字化智能制造",
        "沿G101线、西半线",
        "国道101线为主轴",
        "县委、县政府“161”重点工程",
        "政务服务事项基本目录(2025版)",
        "朝阳县二十家子镇兴隆岗村",
        "围绕“五个一工程”布局",
        "“十四五”期末",
        "千方百计、千山万水、千言万语",
        "一条龙服务,一个个项目,一批批客商",
        "党的二十大",
        "九州国泰方矩管",
        "“8+27”营商增值服务新框架",
        "“1+5”工程",
        "下午三点半召开",
        "重点项目一点点推进",
        "",
    ],
)
def test_codes_names_and_idioms_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text,english",
    [("第一要务", "first"), ("第十四批", "14th"), ("第八届", "eighth"), ("第103名", "103rd")],
    ids=lambda v: v,
)
def test_ordinals(text, english):
    (figure,) = find_figures(text)
    assert (figure.kind, figure.english) == ("ordinal", english)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("第三四季度经济回升", [("第三四", "third and fourth")]),
        ("第五六七名分别是", [("第五六七", "fifth, sixth and seventh")]),
        # 两 is no ordinal digit and 一两 no numeral: the ordinal is 第一, the rest a count.
        ("第一两个项目开工", [("第一", "first"), ("两个", "two")]),
    ],
    ids=["two-in-a-row", "three-in-a-row", "ordinal-then-count"],
)
def test_digits_side_by_side_after_di_are_ordinals_in_a_row_never_one_number(text, expected):
    assert [(f.source, f.english) for f in find_figures(text)] == expected


def test_key_figures_leave_out_dates_and_ordinals():
    figures = find_figures("2022年6月下旬迎来第一批鸡雏,60万只鸡,增速51%,协议投资额28.72亿元")
    assert [f.source for f in key_figures(figures)] == ["60万只", "51%", "28.72亿元"]


@pytest.mark.parametrize(
    "value,english",
    [
        (2872000000, "2.872 billion"),
        (88700000, "88.7 million"),
        (196000000, "196 million"),
        (19000, "19,000"),
        (1000000000, "1 billion"),
        (999999, "999,999"),
        (1000000, "1 million"),
        (1070.5, "1,070.5"),
        (0.5, "0.5"),
        (55785000000, "55.785 billion"),
        (1200000000000, "1.2 trillion"),
        (Decimal("93.1278"), "93.1278"),
        ("41000000", "41 million"),
    ],
    ids=str,
)
def test_read_number(value, english):
    assert read_number(value) == english


@given(st.decimals(min_value=0, max_value=10**13, places=4, allow_nan=False, allow_infinity=False))
def test_every_reading_reads_back_to_the_same_value(value):
    (number,) = english_numbers(read_number(value))
    assert number.value == value


# Text made of the pieces figures are built from, to look for the odd corner.
_PIECES = st.sampled_from(
    list("0123456789.,%+-至到约近多余万亿千百十一二两三四五六七八九零〇第年月日份末初底元亩吨个家人次大县子 aG、几数上成统")
    + ["平方米", "以上", "左右", "上半年", "中旬", "个月", "百分之", "/日", "KVA", "MW", "美元"]
)
_ENGLISH_PIECES = st.sampled_from(
    list("0123456789., %-") + [" billion", " million", " yuan", " ten thousand", "亿", "万", " percent",
                               " twenty", " one", " first", " No. ", "March", " more than", " or more"]
)


@settings(deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.lists(_ENGLISH_PIECES, max_size=15).map("".join))
def test_any_text_gives_well_formed_figures_and_a_check(zh, en):
    figures = find_figures(zh)
    assert all(zh[f.start:f.end] == f.source and f.english for f in figures)
    assert all(a.end <= b.start for a, b in zip(figures, figures[1:]))
    assert isinstance(check_figures(zh, en).english, str)


@settings(deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
@example("零个约0KVA")  # two figures of one value, one approximate: its "about" stays its own
def test_an_english_made_of_the_readings_passes_untouched(zh):
    en = "; ".join(f.english for f in find_figures(zh))
    check = check_figures(zh, en)
    assert (check.english, check.repairs, check.flagged) == (en, 0, ())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_figures_are_exact_substrings_in_order_without_overlap(seed):
    for article in read_path(seed).articles:
        for paragraph in article.paragraphs:
            figures = find_figures(paragraph)
            assert all(paragraph[f.start:f.end] == f.source for f in figures)
            assert all(a.end <= b.start for a, b in zip(figures, figures[1:]))


# ---- holding a translation to the figures --------------------------------------------------------

SIGNED = "截至2022年末,共签约落地项目21个,协议投资额28.72亿元。"
RIGHT = "By the end of 2022, 21 projects had been signed, with an agreed investment of 2.872 billion yuan."


@pytest.mark.parametrize(
    "zh,en,repaired,repairs",
    [
        (SIGNED, RIGHT, RIGHT, 0),
        (SIGNED, RIGHT.replace("2.872 billion", "2,872 million"), RIGHT.replace("2.872 billion", "2,872 million"), 0),
        (SIGNED, RIGHT.replace("2.872 billion", "28.72 billion"), RIGHT, 1),
        (SIGNED, RIGHT.replace("2.872 billion", "2.87 billion"), RIGHT, 1),
        (SIGNED, RIGHT.replace("2.872 billion yuan", "28.72亿元"), RIGHT, 1),
        (SIGNED, RIGHT.replace("2.872 billion yuan", "28.72 亿 yuan"), RIGHT, 1),
        (SIGNED, RIGHT.replace("2.872 billion yuan", "28.72 hundred million yuan"), RIGHT, 1),
        (SIGNED, RIGHT.replace("of 2.872 billion yuan", "of yuan"), RIGHT, 1),
        (SIGNED, RIGHT.replace("21 projects", "twenty-one projects"), RIGHT.replace("21 projects", "twenty-one projects"), 0),
        ("复工率达到97%", "The resumption rate reached 79%.", "The resumption rate reached 97%.", 1),
        ("增长6.2%", "grew by 6.2 percent", "grew by 6.2 percent", 0),
        ("总建筑面积1.9万平方米", "a floor area of 1.9 ten thousand square meters", "a floor area of 19,000 square meters", 1),
        ("给予5万元至200万元的奖励扶持", "rewards of 50,000 to 20 million yuan", "rewards of 50,000 to 2 million yuan", 1),
        ("引进人才60余人", "more than sixty talents were brought in", "more than sixty talents were brought in", 0),
        ("聚焦招商引资、产业发展、营商环境三大方面", "focusing on investment, industry and the business environment", "focusing on investment, industry and the business environment", 0),
        ("关于认定2021年(第十四批)省级企业技术中心的通知", "Notice on the fourteenth batch of technology centers in 2021", "Notice on the fourteenth batch of technology centers in 2021", 0),
        ("3月23日,喀左县召开推进会", "On March 23, Kazuo County held a meeting.", "On March 23, Kazuo County held a meeting.", 0),
        ("达4100多万美元", "reaching 41 million US dollars", "reaching more than 41 million US dollars", 1),
        ("达4100多万美元", "reaching 4.1 million US dollars", "reaching more than 41 million US dollars", 1),
        ("达4100多万美元", "reaching over $41 million", "reaching over $41 million", 0),
        ("达4100多万美元", "reaching $41 million", "reaching more than $41 million", 1),
        ("计划引进生产型企业20家以上", "plans to bring in 20 or more manufacturers", "plans to bring in 20 or more manufacturers", 0),
        ("累计总投资约4.1亿元", "410 million yuan was invested in all", "About 410 million yuan was invested in all", 1),
    ],
    ids=[
        "right", "equivalent-form", "scale-slip", "rounded", "left-in-chinese", "half-translated",
        "literal-scale", "dropped-but-unit-kept", "spelled-out", "single-stray", "percent-word",
        "ten-thousand", "range-end", "spelled-approximation", "small-chinese-count-is-soft",
        "ordinal-is-soft", "date-present", "lost-more-than", "slip-and-lost-more-than-count-once",
        "over-says-more-than", "more-than-before-currency", "or-more-says-more-than", "about-at-sentence-start",
    ],
)
def test_check_repairs_in_place(zh, en, repaired, repairs):
    check = check_figures(zh, en)
    assert (check.english, check.repairs, check.flagged) == (repaired, repairs, ())


@pytest.mark.parametrize(
    "zh,en,flagged",
    [
        (SIGNED, "By the end of 2022, 21 projects had been signed, with an agreed investment.", ["28.72亿元"]),
        ("新开工项目20个,总投资61.12亿元;复工项目77个,总投资12.63亿元",
         "20 new projects worth 7 billion yuan; 77 resumed projects worth 3 billion yuan", ["61.12亿元", "12.63亿元"]),
        ('建立“3+4+20+22”全员招商体系,引进资金5亿元', 'It set up a "3+4+20+22" system and brought in funds.', ["5亿元"]),
        ("今年完成投资8.58亿元", "In 2023 the investment was completed.", ["8.58亿元"]),
        ("3月23日,喀左县召开推进会", "Kazuo County held a meeting.", ["3月23日"]),
    ],
    ids=["dropped", "ambiguous", "codes-are-not-strays", "years-are-not-strays", "date-dropped"],
)
def test_check_flags_what_it_cannot_place(zh, en, flagged):
    check = check_figures(zh, en)
    assert (check.english, check.repairs) == (en, 0)
    assert [f.source for f in check.flagged] == flagged
    assert all(f"{f.english} ({f.source})" in check.annotated for f in check.flagged)


# ---- a stub translator that damages numbers ------------------------------------------------------

REFERENCE = {
    SIGNED: RIGHT,
    "一季度,喀左县招商引资签约项目9个,总投资61.12亿元。":
        "In the first quarter, Kazuo County signed 9 investment projects with a total investment of 6.112 billion yuan.",
    "该项目计划总投资1亿元,占地面积50亩,总建筑面积1.9万平方米。":
        "The project has a planned total investment of 100 million yuan, covers 50 mu and has a floor area of 19,000 square meters.",
    "农产品出口创汇居朝阳市领先地位,达4100多万美元。":
        "Agricultural exports lead Chaoyang City, earning more than 41 million US dollars.",
    "截至目前,喀左县存续经营主体已达37663户。":
        "So far, Kazuo County has 37,663 business entities.",
}


class DamagingTranslator:
    """Translator protocol: the reference English with the last figure damaged by ``damage``."""

    def __init__(self, damage):
        self.damage = damage
        self.identity = f"stub:{damage.__name__}"

    def translate(self, sentences):
        return [self.damage(REFERENCE[s]) for s in sentences]


_LAST_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?: (?:billion|million))?(?!.*\d)")


def shift_decimal(en: str) -> str:
    """The model's classic slip with 亿 and 万: the value ten times too big."""
    def bigger(m):
        return f"{Decimal(m[1].replace(',', '')) * 10:,}" + m[0][len(m[1]):]
    return _LAST_NUMBER.sub(bigger, en)


def drop_number(en: str) -> str:
    return _LAST_NUMBER.sub("", en).replace("  ", " ")


def drop_figure(en: str) -> str:
    """The number and what it measures both gone."""
    return re.sub(r" [^ ]*\d[^ ]*[A-Za-z ]*\.$", ".", en)


@pytest.mark.parametrize("damage", [shift_decimal, drop_number, drop_figure], ids=lambda d: d.__name__)
def test_a_damaged_translation_still_shows_every_figure_right(damage):
    translator = DamagingTranslator(damage)
    assert isinstance(translator, Translator)
    sources = list(REFERENCE)
    damaged = translator.translate(sources)
    assert all(d != REFERENCE[s] for s, d in zip(sources, damaged))
    repairs = flags = 0
    for zh, en in zip(sources, damaged):
        check = check_figures(zh, en)
        repairs, flags = repairs + check.repairs, flags + len(check.flagged)
        for figure in key_figures(find_figures(zh)):
            assert _shown(figure, check.annotated), (figure.source, check.annotated)
    assert repairs + flags >= len(sources)
    if damage is shift_decimal:
        assert (repairs, flags) == (len(sources), 0)
    if damage is drop_figure:
        assert (repairs, flags) == (0, len(sources))


def _shown(figure: Figure, english: str) -> bool:
    values = {n.value for n in english_numbers(english)}
    return Decimal(str(figure.value)) in values or figure.english in english


def test_figures_and_glossary_modules_do_not_import_torch():
    code = (
        "import sys, briefs.figures.find, briefs.glossary.terms, briefs.figures.check, briefs.figures.english_numbers;"
        "sys.exit('torch' in sys.modules or 'transformers' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# ---- briefs figures FILE... ------------------------------------------------------------------

def test_cli_prints_one_json_line_per_figure_and_skips_bad_files(tmp_path):
    import json

    from typer.testing import CliRunner

    from briefs.cli import app

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    seed = ROOT / "seeds" / "004_784ca2f8b721edea.txt"
    result = CliRunner().invoke(app, ["figures", str(bad), str(seed)])
    assert result.exit_code == 1
    assert result.stderr.count("skipped") == 1 and "bad.txt" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"file", "article", "source", "value", "unit", "english", "kind"} <= set(records[0])
    assert {"file": str(seed), "article": 5, "source": "4100多万美元", "value": 41000000, "unit": "US dollars",
            "english": "more than 41 million US dollars", "kind": "quantity", "value_high": None} in records
    assert all(r["file"] == str(seed) for r in records)


@pytest.mark.parametrize(
    "zh",
    [
        "投资1.6亿元 建乡村振兴示范工程",
        "总投资1.6亿元的龙城区乡村振兴示范工程已进入实施阶段。",
        "全长约60公里,项目区域覆盖面积230平方公里。",
        "出口创汇达4100多万美元。",
    ],
    ids=["title", "inside-a-clause", "approximate-and-area", "more-than"],
)
def test_figures_left_in_chinese_are_read_once_and_not_flagged(zh):
    """A model that copies its input (or leaves Chinese) still gets each figure once, in English."""
    check = check_figures(zh, zh)
    assert not check.flagged
    for figure in find_figures(zh):
        if figure.kind in ("quantity", "percent"):
            assert check.english.count(figure.english) == 1, check.english
            assert figure.source not in check.english


@pytest.mark.parametrize(
    "text, source, english",
    [("有 400 多万人前往罗马。", "400 多万人", "more than 4 million"), ("共 21 个项目。", "21 个", "21"), ("投资 28.72 亿元。", "28.72 亿元", "2.872 billion yuan")],
    ids=["scale", "counter", "scale-and-unit"],
)
def test_a_typeset_space_inside_a_figure_is_read_through(text, source, english):
    assert [(f.source, f.english) for f in find_figures(text)] == [(source, english)]


@pytest.mark.parametrize(
    "text, source, english",
    [("补贴约5至10万元。", "约5至10万元", "about 50,000 to 100,000 yuan"),
     ("投资约5万元至10万元。", "约5万元至10万元", "about 50,000 to 100,000 yuan"),
     ("投资5至10万元左右。", "5至10万元左右", "about 50,000 to 100,000 yuan"),
     ("投资5万元至200万元。", "5万元至200万元", "50,000 to 2 million yuan")],
    ids=["bare-low", "joined", "suffix", "exact"],
)
def test_a_range_keeps_its_approximation(text, source, english):
    assert [(f.source, f.english) for f in find_figures(text)] == [(source, english)]
