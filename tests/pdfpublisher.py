"""A publisher's own e-paper, as its layout program sets it: the shapes plain typesetting never makes.

Page 1 is a front page under a masthead (the paper's name, its Latin-letter
name spaced out word by word, the day set large, serial numbers and the
publisher in small type). Its lead story has a title letter-spaced over two
lines, a deck of three clauses set apart by wide spaces, a dateline and
credit in a heavier face that run into the body's first line, and a jump
line to page 2. Beside it: a story under a ``□ name`` byline with a photo
credited ``本报记者 … 摄``, and a boxed notice that has no body. Page 2 opens
with a section banner with decorative Latin words, carries the rest of the
lead story under its title again (``（上接第1版）``), and a brief. The text is
invented.
"""

from __future__ import annotations

from pdfkit import Banner, Edition, Masthead, Photo, Story

PAPER, DATE = "江城经济报", "2024年5月16日 星期四"
MASTHEAD = Masthead(
    PAPER, "JIANGCHENG ECONOMIC DAILY", "16",
    (DATE, "农历甲辰年四月初九", "总第8123期", "今日四版", "国内统一连续出版物号 CN 42-0018",
     "国外代号 D1234", "邮发代号 37-12", "江城日报社出版", "自办发行"),
)  # fmt: skip

LEAD_TITLE = "全市一百二十个重点项目集中开工"
LEAD_DECK = ("市委书记王建国宣布开工", "市长李明华出席", "副市长赵长江主持")
LEAD_CREDIT = "本报讯（记者周文）"
LEAD_FIRST = (
    "5月15日上午，全市二〇二四年第二批重点项目集中开工活动在江城高新区举行。此次集中开工的项目共120个，"
    "总投资326.8亿元，涵盖先进制造、新能源、现代物流和城市更新等领域。"
)
LEAD_REST = (
    "其中，投资10亿元以上的项目有9个，投资亿元以上的项目有74个。新能源电池材料、智能装备产业园等一批项目"
    "建成后，预计年产值将超过410亿元，新增就业岗位1.2万个。",
    "活动现场，各县区和开发区主要负责人分别介绍了本地项目建设情况。市发展改革委负责人表示，今年以来全市"
    "已累计开工重点项目263个，完成投资188.4亿元，同比增长13.6%。",
)
LEAD_AFTER_JUMP = (
    "为保障项目顺利推进，全市建立了重点项目“一对一”服务机制，由市级领导牵头协调用地、用能、融资等问题。"
    "一季度共协调解决各类问题147个，办结率达到96.3%。",
    "下一步，全市将持续优化营商环境，加快推进项目审批制度改革，力争全年重点项目完成投资超过820亿元。",
)
JUMP_OUT, JUMP_IN = "（下转第2版）", "（上接第1版）"

PARK = Story(
    title="江北园区培育新材料产业集群",
    byline="□ 王立新",
    span=False,
    body=(
        "走进江北园区的新材料产业园，多条生产线正在满负荷运转。园区负责人介绍，今年前4个月，园区规模以上工业"
        "产值达到86.4亿元，同比增长18.2%。",
        Photo("江北园区一家企业的自动化生产线。本报记者 赵明 摄", lines=4),
        "园区围绕新材料产业链引进上下游企业23家，新签约项目11个，计划总投资57.3亿元。",
    ),
)
NOTICE = Story(title="《江城经济周刊》2025年度征订启事", body=(), span=False, boxed=True)
LEAD = Story(
    title=LEAD_TITLE, spacing=0.5, title_lines=2, deck=LEAD_DECK, credit=LEAD_CREDIT, box=(0, 2),
    body=(LEAD_FIRST, *LEAD_REST, JUMP_OUT),
)  # fmt: skip
LEAD_CONTINUED = Story(title=LEAD_TITLE, body=(JUMP_IN, *LEAD_AFTER_JUMP), span=False, new_page=True)
FAIR = Story(
    title="江城消费品博览会签约额创新高",
    span=False,
    brief=True,
    body=(
        "本报讯 第十二届江城消费品博览会日前闭幕。本届博览会共吸引参展企业860家，现场签约项目62个，"
        "签约金额达到78.6亿元，比上届增长21.4%。",
    ),
)
BANNER = Banner("县域新闻", ("NEW", "LIZHOU"))

FRONT = Edition(
    PAPER, DATE, pages=((4, "要闻"), (4, "县域")), first_page=1, masthead=MASTHEAD, banners=((1, BANNER),),
    stories=(LEAD, PARK, NOTICE, LEAD_CONTINUED, FAIR),
)  # fmt: skip
# What a reader of the paper finds: the stories with a body, the lead story whole across its jump.
ARTICLES = (LEAD_TITLE, PARK.title, FAIR.title)
