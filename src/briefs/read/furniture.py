"""What a line of a news web page is when it is not the article: its furniture, judged by shape.

GeneralNewsExtractor's observation holds for lines as for HTML nodes: Chinese
body text is rich in clause punctuation (，。；), while a page's furniture has
none, or has the marks of navigation (``>``, ``|``), dates and times, or the
set phrases every news site uses for the same jobs: a date and source line
under the headline (2019-09-23 14:05 来源：…), 原标题, 责任编辑, share bars,
上一篇/下一篇, 相关新闻 lists, 版权声明 and 免责声明 blocks, 返回首页 links,
login and comment prompts. None of these rules names a particular site.
Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from ..document import ExtraKind, Metadata, Stated
from ..text.dates import FULL_DATE, full_date
from ..text.marks import PROSE_MARKS
from .lines import is_complete, is_meta, names_only

# The set phrases of news sites, as regex alternatives.
_WORDS = {
    "meta keys": r"(?:发布|发表|更新|最后更新|发稿|出版|录入|上传)(?:日期|时间|于)?|日期|时间|来源于?|稿源|(?:消息|文章|本文|新闻)来源|作者"
    r"|浏览(?:次数|量)?|阅读(?:数|量|次数)?|点击(?:数|量|次数)?|字号|字体|人气",
    "after a value": r"\s|作者|来源|责任编辑|编辑|记者|发布|时间|日期|浏览|阅读|点击|字号|$",
    "editors": r"责任编辑|责编|编辑|值班编辑|实习编辑|编审|审核|审校|校对|监制|主编",
    "credits": r"作者|执笔|撰文|撰稿|文|文图|图文|摄影|记者|通讯员|实习生|出品|策划|制图|制作|视频|设计",
    # A reporter credit on its own line: 某某报记者 王某 李某 (a space or colon after the role).
    "reporters": r"[\p{Han}《》A-Za-z]{0,12}?(?:记者|作者|通讯员|特约撰稿人?)(?:\s*[:：]\s*|\s+)\p{Han}{2,4}(?:[\s、]+\p{Han}{2,4}){0,5}",
    "disclaimers": r"版权声明|免责声明|特别声明|郑重声明|声明\s*[:：]|版权(?:所有|归|说明)|风险提示|注\s*[:：]\s*本文"
    r"|本文(?:系|为|仅|来源|转载|由|内容)|本网(?:站)?(?:转载|登载|刊载|所|发布的)|凡(?:本网)?注明|网友评论|Copyright|©",
    "reprint terms": r"未经\S{0,12}(?:授权|许可|同意)\S{0,12}(?:转载|使用|复制)|转载请注明|不代表\S{0,12}(?:立场|观点)"
    r"|仅代表作者\S{0,8}观点|仅供其表达个人看法",
    "comments": r"我要评论|发表评论|写评论|网友评论|全部评论|热门评论|最新评论|精彩评论|评论区|查看更多评论|热门跟[贴帖]|跟[贴帖]"
    r"|目前没有\S*跟[贴帖]|\d+\s*条评论|已有\s*\d+\s*人参与|\d+\s*人参与",
    "prompts first": r"登录|注册|免注册|快速登录|请登录|举报|反馈|打印|收藏|订阅|扫一扫|扫码|阅读全文|展开全文|加载更多|查看更多"
    r"|阅读原文|纠错|感谢您的|欢迎(?:你|您)?发表|下载(?:客户端|APP|App)",
    "prompts last": r"登录|注册|评论|举报|反馈|打印|收藏|二维码|公众号|客户端|APP|App|纠错",
    "prompts": r"跟[贴帖]|关闭窗口|打印本页|关注我们|加关注|点击(?:查看|进入|阅读|播放|这里|下载)",
    "contacts": r"地\s*址|邮\s*编|邮政编码|电\s*话|传\s*真|电子(?:信箱|邮箱|邮件)|邮\s*箱|E-?mail|网\s*址|主页网址|联系电话|客服电话"
    r"|举报电话|联系我们|投稿邮箱",
    "related": r"(?:相关|延伸|扩展|拓展|推荐|专题)(?:阅读|新闻|文章|报道|链接|内容|专题|资讯|推荐|图集|视频|搜索)"
    r"|(?:热门|热点|精彩|编辑|今日|猜你|为您|为你|小编|作者|更多|最新|往期|一周|24小时)\S{0,6}?"
    r"(?:推荐|文章|排行榜?|新闻|热帖|阅读|喜欢|精彩|视频|图片|搜索)|\S{0,4}排行榜?|你可能(?:会)?喜欢|您可能(?:会)?喜欢|大家都在看",
}
_PATTERNS = {
    "clause": f"[{PROSE_MARKS}]",
    "meta line": rf"^(?:{FULL_DATE}\s*日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?|(?:{_WORDS['meta keys']})\s*[:：])",
    "source": rf"(?:来源于?|稿源|消息来源|文章来源)\s*[:：]\s*(.+?)\s*(?={_WORDS['after a value']})",
    "author": rf"作者\s*[:：]\s*(.+?)\s*(?={_WORDS['after a value']})",
    "bar separators": r"\s*[|｜丨·•]\s*",
    "related": rf"^(?:{_WORDS['related']})$",
    # A markdown link standing alone: a converted page's navigation or related link.
    "link line": r"^(?:\[[^\[\]]*\]\([^()]*\)[\s|·/]*)+$",
    # A 返回…首页>> link glued to the end of a line of body text.
    "home tail": r"(返回\S{0,10}(?:首页|顶部|列表)\s*>*)$",
}
_RE = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _PATTERNS.items()}
_ANY_LENGTH = 999


@dataclass(frozen=True)
class Furniture:
    kind: ExtraKind
    role: str  # meta, original-title, editor, credit, share, prev-next, disclaimer, comments, nav, prompt, contact, picture, related, link
    ends_article: bool = False


# The rules, in order: the first whose pattern is found in a line (in its inside, when the whole
# line stands in one pair of brackets) no longer than its limit says what furniture the line is.
_RULES: tuple[tuple[Furniture, int, str], ...] = (
    (Furniture("meta", "original-title", False), _ANY_LENGTH, r"^原标题\s*[:：]"),
    (Furniture("byline", "editor", True), _ANY_LENGTH, rf"^(?:{_WORDS['editors']})\s*[:：/／|]\s*\S"),
    (Furniture("byline", "credit", False), _ANY_LENGTH, rf"^(?:{_WORDS['credits']})\s*[:：/／|]\s*\S"),
    (Furniture("byline", "credit", False), _ANY_LENGTH, rf"^{_WORDS['reporters']}$"),
    (Furniture("note", "prev-next", True), _ANY_LENGTH, r"^[【\[（(]?(?:上一篇|下一篇|上一页|下一页|上一条|下一条|上篇|下篇)"),
    (Furniture("note", "disclaimer", True), _ANY_LENGTH, rf"^[【\[（(]?(?:{_WORDS['disclaimers']})|^.{{0,8}}(?:{_WORDS['reprint terms']})"),
    # Footer marks that appear nowhere but in a page's copyright block.
    (Furniture("note", "disclaimer", True), _ANY_LENGTH, r"版权所有|All Rights Reserved|ICP备|ICP证|公网安备|©"),
    (Furniture("note", "comments", True), _ANY_LENGTH, rf"^(?:{_WORDS['comments']})"),
    (Furniture("note", "nav", False), _ANY_LENGTH, rf"^(?:您的|你的|您|你)?(?:当前|所在|现在)?(?:的)?位置\s*[:：]|^[>»›＞]\s*[^{PROSE_MARKS}]{{1,16}}$|^(?:网站)?首页$"),
    (Furniture("note", "nav", False), _ANY_LENGTH, r"(?:首页|主页|网站首页|当前位置)\s*(?:>|>>|»|›|＞|/|-|－)"),
    (Furniture("note", "share", False), 40, r"^(?:分享到|分享至|转发到|一键分享|扫码分享)|^分享(?:\s*[:：]|$)"),
    (Furniture("note", "prompt", True), 30, r"返回\S{0,10}(?:首页|顶部|列表|目录|频道)|\S{0,12}>>$"),
    # Login, comment, print and follow prompts: the word opens or closes a short line.
    (Furniture("note", "prompt", False), 24, rf"^(?:{_WORDS['prompts first']})|(?:{_WORDS['prompts last']})$|{_WORDS['prompts']}"),
    (Furniture("note", "contact", False), _ANY_LENGTH, rf"^(?:{_WORDS['contacts']})\s*[:：]"),
    (Furniture("note", "picture", False), _ANY_LENGTH, r"^[（(]?(?:图片|照片|视频|配图)?(?:均)?来(?:自|源于?)(?:网络|互联网)|点击\S{0,6}(?:大图|查看|播放)"),
    (Furniture("note", "picture", False), _ANY_LENGTH, r"^[（(]?(?:资料|图片|数据|素材|信息|视频)来源\s*[:：]"),
    (Furniture("caption", "picture", False), 80, r"(?:供图|图片来源[:：]\S+|\p{Han}\s+图)\s*[)）]?$"),
)
_COMPILED = tuple((furniture, limit, re.compile(pattern, re.IGNORECASE)) for furniture, limit, pattern in _RULES)
# Whole lines in brackets: a credit at the end of a story, or what a picture or table above shows.
_BRACKETED = (
    (Furniture("byline", "credit"), re.compile(r"^[（(][^（）()]{0,30}(?:实习生|记者|通讯员|作者|编辑|编译)[^（）()]{0,30}[)）]$")),
    (Furniture("caption", "picture"), re.compile(f"^[（(][^（）(){PROSE_MARKS}]{{2,38}}[)）]$")),
)


def _unbracket(text: str) -> str:
    """【编辑：姚昊】 → 编辑：姚昊; a line wholly in one pair of brackets is judged by its inside."""
    if len(text) > 2 and text[0] in "【[（(" and text[-1] in "】]）)" and not re.search(r"[【】\[\]（）()]", text[1:-1]):
        return text[1:-1].strip()
    return text


def is_date_line(text: str) -> bool:
    """The date and source line under a headline: a date or a metadata key first, no clause punctuation."""
    if len(text) > 90 or not _RE["meta line"].match(text) or _RE["clause"].search(text):
        return False
    return bool(full_date(text)) or any(_RE[name].search(text) for name in ("source", "author")) or is_meta(text)


def related_heading(text: str) -> bool:
    """The heading of a list of other articles: 相关新闻, 推荐阅读, 热门排行, 猜你喜欢."""
    bare = _unbracket(text).rstrip(":： ").removesuffix("更多").rstrip("+>》 ")
    return len(bare) <= 12 and bool(_RE["related"].match(bare))


def _bar(text: str) -> bool:
    """A navigation or share bar: three or more short items between separators, no sentence."""
    if _RE["clause"].search(text):
        return False
    parts = [p for p in _RE["bar separators"].split(text) if p]
    if len(parts) >= 3 and all(len(p) <= 8 for p in parts):
        return True
    words = text.split()
    return len(words) >= 4 and all(len(w) <= 4 for w in words) and not names_only(text)


def link_line(text: str) -> bool:
    """A line of nothing but Markdown links."""
    return bool(_RE["link line"].match(text))


def classify(line: str) -> Furniture | None:
    """The furniture a line is, by its shape alone, or None for a line that may be article text."""
    text = _unbracket(line)
    if link_line(line):
        return Furniture("note", "link")
    if is_date_line(text):
        return Furniture("meta", "meta", ends_article="责任编辑" in text or "责编" in text)
    for furniture, limit, pattern in _COMPILED:
        if len(text) <= limit and pattern.search(text):
            prompt_sentence = furniture.role == "prompt" and not furniture.ends_article and is_complete(text)
            if not prompt_sentence:
                return furniture
    for furniture, pattern in _BRACKETED:
        if pattern.match(line):
            return furniture
    if _bar(text):
        return Furniture("note", "nav")
    if related_heading(text):
        return Furniture("note", "related")
    return None


def is_furniture(line: str) -> bool:
    """A line that is never article text, whatever stands around it."""
    return classify(line) is not None


def link_like(text: str) -> bool:
    """A line of a list of links: a headline's shape, short, no sentence ended with a full stop."""
    return len(text) <= 60 and "。" not in text and not text.endswith(("，", "、", "：", ":"))


def split_tail(text: str) -> tuple[str, str | None]:
    """A paragraph with a 返回…首页>> link glued to its end → (paragraph, link)."""
    match = _RE["home tail"].search(text)
    if not match or match.start() == 0:
        return text, None
    return text[: match.start()].rstrip(), match.group(1)


def page_meta(text: str) -> Metadata:
    """What a date and source line under a headline states: the date (ISO), the source, the author."""
    found = {"date": full_date(text)}
    for name, rule in (("publication", "source"), ("author", "author")):
        match = _RE[rule].search(text)
        found[name] = match.group(1).strip(" :：") if match else None
    return Metadata(**{name: Stated(value, "date line") for name, value in found.items() if value})
