"""An article's date: metadata first, then its dateline with the year of the file or page, then the file name."""

from __future__ import annotations

import pytest

from briefs.text.dates import ArticleDate, article_date, dateline_day, file_date, full_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2019-09-23 14:05", "2019-09-23"), ("2023-12-6 10:20:32", "2023-12-06"), ("2019年10月9日 星期三", "2019-10-09"),
     ("2019/3/5", "2019-03-05"), ("2019-13-40", None), ("第2019号", None), ("", None)],
    ids=["web", "unpadded", "chinese", "slashes", "impossible", "no-date", "empty"],
)  # fmt: skip
def test_full_dates(text, iso):
    assert full_date(text) == iso


@pytest.mark.parametrize(
    ("paragraph", "day"),
    [("本报太原10月9日电 （记者王杰）今年以来……", (10, 9)), ("新华社北京3月5日电 国务院……", (3, 5)),
     ("本报武汉2月4日电\xa0\xa0记者……", (2, 4)), ("本报讯 今年以来……", None), ("10月9日，全县……", None)],
    ids=["paper", "xinhua", "nbsp", "no-day", "not-a-dateline"],
)  # fmt: skip
def test_datelines_give_the_day(paragraph, day):
    assert dateline_day(paragraph) == day


def test_file_names_by_day():
    assert file_date("epaper-20190204-04.txt") == "2019-02-04" and file_date("2019-10-09-p3.txt") == "2019-10-09"
    assert file_date("000_3550f0e559f805fd.txt") is None and file_date("page-20191399.txt") is None


def test_metadata_wins_then_the_dateline_with_the_files_year_then_the_file():
    dateline = "本报太原10月9日电 今年以来……"
    assert article_date(["2021-06-08T09:30"], dateline, [], "x-20190101.txt") == ArticleDate("2021-06-08", "meta")
    assert article_date([None], dateline, [], "paper-20191010.txt") == ArticleDate("2019-10-09", "dateline")
    assert article_date([], dateline, ["辽宁日报 2019年10月10日 星期四"], "page.txt") == ArticleDate("2019-10-09", "dateline")
    assert article_date([], "今年以来……", [], "paper-20191010.txt") == ArticleDate("2019-10-10", "file")


def test_no_year_the_day_alone_never_a_guessed_year():
    found = article_date([], "本报太原10月9日电 今年以来……", [], "page.txt")
    assert found == ArticleDate("--10-09", "dateline") and found.english == "9 October (year not given)"


def test_the_page_s_own_date_gives_the_year_before_the_file_name():
    assert article_date([], "新华社北京1月15日电 今年", ["2020年1月16日 星期四"], "paper-20191010.txt").iso == "2020-01-15"


@pytest.mark.parametrize(
    "lead, day",
    [("本报讯（记者周文）近日", None), ("本报北京1月15日电（记者刘毅）2020年", (1, 15)), ("中新网7月28日电(张奥林)近日", (7, 28)),
     ("湖北日报讯（记者张三、通讯员李四）8月1日", None), ("朝阳9月1日讯 全市", (9, 1)), ("新华社北京8月1日电 为深入", (8, 1))],
    ids=["paper", "paper-with-place", "site", "provincial-paper", "place-only", "wire"],
)
def test_the_day_a_story_was_filed_from_each_form_of_dateline(lead, day):
    assert dateline_day(lead) == day


def test_the_brief_says_the_day_in_words():
    assert ArticleDate("2019-10-09", "dateline").english == "9 October 2019"
