"""The test editions: stories written for these tests, set on pages of one, two, three and six columns.

The same stories are set four ways, so each layout is checked against the
same text: kicker, title and subtitle in their sizes, bylines, section
headings, photos with captions, briefs, paragraphs cut by column and page
breaks, stories side by side in boxes of columns. The text is invented.
"""

from __future__ import annotations

from dataclasses import replace

from pdfkit import A3, Edition, Heading, Photo, Story

PAPER, DATE = "江城经济报", "2024年5月8日 星期三"

ECONOMY = Story(
    kicker="一季度经济运行稳中向好",
    title="全市地区生产总值同比增长6.2%",
    subtitle="工业、投资、消费协同发力，新动能加快成长",
    byline="本报记者 王立新",
    body=(
        "本报讯 市统计局日前发布数据，一季度全市实现地区生产总值612.35亿元，按不变价格计算，同比增长6.2%，"
        "增速比去年同期加快0.8个百分点，高于全省平均水平1.1个百分点。其中，第一产业增加值28.72亿元，增长3.9%；"
        "第二产业增加值251.06亿元，增长7.4%；第三产业增加值332.57亿元，增长5.6%。",
        "工业生产稳步回升。一季度，全市规模以上工业增加值同比增长8.1%，41个行业大类中有33个实现增长，增长面达80.5%。"
        "新能源汽车、锂电池、工业机器人等产品产量分别增长46.3%、31.8%和22.4%，高技术制造业增加值占规模以上工业的比重提高到17.6%。",
        Heading("投资结构持续优化"),
        "固定资产投资同比增长5.3%。分领域看，工业投资增长14.7%，其中技术改造投资增长19.2%；基础设施投资增长6.8%；"
        "房地产开发投资下降4.1%，降幅比去年全年收窄3.5个百分点。全市新开工亿元以上项目87个，完成投资143.6亿元。",
        Photo("图为江城经济开发区一家企业的智能生产线。本报记者 赵明 摄"),
        "消费市场回暖向好。一季度，全市社会消费品零售总额286.44亿元，同比增长7.0%。其中，限额以上单位通过公共网络实现的"
        "商品零售额增长21.5%，餐饮收入增长12.9%。“五一”假期前后，全市重点商圈客流量日均超过35万人次。",
        "市统计局有关负责人表示，当前全市经济运行延续恢复向好态势，但外部环境复杂多变，部分企业经营仍面临困难。"
        "下一步，要持续扩大有效需求，巩固和增强经济回升向好势头。",
    ),
)

PORT = Story(
    title="江城港货物吞吐量创同期新高",
    byline="本报通讯员 刘晓燕",
    body=(
        "记者从江城港务集团获悉，今年1至4月，江城港累计完成货物吞吐量1.28亿吨，同比增长9.6%；集装箱吞吐量达到156.3万标准箱，"
        "同比增长12.4%，两项指标均创历史同期新高。",
        "航线网络的持续加密是吞吐量增长的重要原因。今年以来，江城港新开通至东南亚、中东的外贸集装箱航线6条，外贸航线总数达到58条，"
        "每月航班超过320班。港口还与内陆12个城市合作建设“无水港”，海铁联运箱量同比增长37.2%。",
        "在集装箱码头，岸桥、场桥和无人驾驶集卡协同作业。港务集团负责人介绍，自动化改造后，码头单机作业效率提高到每小时36.5自然箱，"
        "比改造前提升约20%，船舶平均在港时间缩短4.2小时。",
        "按照规划，到2025年底，江城港将建成10万吨级以上泊位24个，年通过能力超过2.5亿吨，进一步打造区域性国际航运物流枢纽。",
    ),
)

GREEN = Story(
    kicker="金融活水精准滴灌实体经济",
    title="绿色贷款余额突破千亿元",
    subtitle="一季度新增327.8亿元，同比多增54.6亿元",
    body=(
        "本报讯 人民银行江城市分行日前发布的数据显示，截至3月末，全市绿色贷款余额达到1036.52亿元，同比增长28.3%，"
        "比各项贷款增速高出17.9个百分点；一季度新增绿色贷款327.8亿元，同比多增54.6亿元。",
        "从投向看，基础设施绿色升级、清洁能源和节能环保产业贷款余额分别为412.7亿元、268.9亿元和173.4亿元，合计占绿色贷款的82.6%。"
        "多家银行推出名为“Green Loan Plus”的专属产品，对符合条件的项目给予利率优惠，平均贷款利率为3.45%，较一般贷款低约0.6个百分点。",
        Heading("碳减排支持工具扩面增量", bold=True),
        "今年以来，全市金融机构运用碳减排支持工具累计发放贷款96.3亿元，带动年度碳减排量约187万吨二氧化碳当量。"
        "其中，光伏发电、风力发电项目贷款分别为38.6亿元和24.1亿元。",
        "分行有关负责人表示，将继续完善绿色金融标准和激励约束机制，引导更多金融资源流向绿色低碳领域，力争全年新增绿色贷款超过1000亿元。",
    ),
)

CLUSTERS = Story(
    title="县域特色产业集群加速成长",
    subtitle="全市培育省级特色产业集群14个，年营业收入超过860亿元",
    body=(
        "在江北县的纺织产业园，一台台智能织机昼夜运转。园区负责人告诉记者，去年园区实现营业收入126.8亿元，同比增长11.3%，"
        "今年一季度又新签约项目9个，计划总投资42.5亿元。",
        "近年来，我市立足县域资源禀赋，按照“一县一业”思路，集中培育纺织服装、食品加工、新型建材等特色产业集群。"
        "目前，全市已培育省级特色产业集群14个，集群内规模以上企业达到1137家，年营业收入超过860亿元。",
        Photo("江北县纺织产业园的智能织机车间（资料图片）", lines=4),
        "为破解县域企业融资难题，市里设立总规模20亿元的产业发展基金，已投资县域项目31个，撬动社会资本78.4亿元。"
        "同时，围绕集群建设公共技术服务平台16个，去年为企业提供检验检测、研发设计等服务4.6万次。",
        "产业集群的壮大也带动了群众就近就业。据统计，全市特色产业集群吸纳就业超过21万人，其中农村转移劳动力占比达到63.5%，"
        "人均年工资性收入增加约5800元。",
    ),
)

HARVEST = Story(
    title="夏粮生产形势总体较好",
    body=(
        "本报讯 记者从市农业农村局了解到，今年全市夏粮播种面积稳定在186.4万亩，小麦苗情总体好于上年，一二类苗占比达到91.2%。",
        "目前，各地正抓住有利时机开展病虫害统防统治，已完成防治面积142.7万亩。农业部门组织了230余名技术人员深入田间地头，"
        "指导农民科学管理，为夏粮丰收打下基础。",
    ),
)

TRADE = Story(
    title="跨境电商进出口额增长三成",
    body=(
        "本报讯 据江城海关统计，今年前4个月，全市跨境电商进出口额达到48.65亿元，同比增长30.7%。其中出口39.12亿元，"
        "增长35.4%；进口9.53亿元，增长14.2%。",
        "跨境电商综合试验区建设成效明显。全市已建成跨境电商产业园8个、海外仓23个，面积合计超过31万平方米。"
        "海关推出“提前申报、运抵验放”等便利措施，跨境电商出口货物平均通关时间压缩至1.5小时以内。",
    ),
)


def _single(story: Story) -> Story:
    return replace(story, span=False)


def _brief(story: Story) -> Story:
    return replace(story, span=False, brief=True)


ONE_COLUMN = Edition(
    PAPER, DATE, pages=((1, "要闻"), (1, "要闻")), first_page=1,
    stories=(ECONOMY, PORT, replace(GREEN, balance=False), HARVEST),
)  # fmt: skip
TWO_COLUMNS = Edition(
    PAPER, DATE, pages=((2, "经济"), (2, "经济")), first_page=3,
    stories=(CLUSTERS, replace(ECONOMY, balance=False), _single(PORT), _single(HARVEST)),
)  # fmt: skip
THREE_COLUMNS = Edition(
    PAPER, DATE, pages=((3, "产业"), (3, "产业")), first_page=5,
    stories=(GREEN, CLUSTERS, replace(ECONOMY, balance=False), _brief(TRADE), _single(PORT), _brief(HARVEST)),
)  # fmt: skip
# A broadsheet page in six columns with narrow gutters and column rules, each story in a box of its own
# columns, side by side and stacked.
SIX_COLUMNS = Edition(
    PAPER, DATE, pages=((6, "综合"),), first_page=8, size=A3, gutter=9.0, column_rules=True,
    stories=(
        replace(ECONOMY, box=(0, 3)), replace(PORT, box=(4, 5)), replace(GREEN, box=(0, 2)),
        replace(CLUSTERS, box=(3, 5)), replace(TRADE, box=(0, 0), brief=True), replace(HARVEST, box=(1, 2), brief=True),
    ),
)  # fmt: skip
# The order a reader meets the stories, where it is not the order they were set in: column by column,
# a story set above another in the same columns first.
READING_ORDER = {"six columns": ("全市地区生产总值同比增长6.2%", "绿色贷款余额突破千亿元", "跨境电商进出口额增长三成",
                                 "夏粮生产形势总体较好", "江城港货物吞吐量创同期新高", "县域特色产业集群加速成长")}  # fmt: skip
EDITIONS = {
    "one column": ONE_COLUMN, "two columns": TWO_COLUMNS, "three columns": THREE_COLUMNS, "six columns": SIX_COLUMNS,
}  # fmt: skip
