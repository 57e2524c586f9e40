"""Places as CC-CEDICT describes them → the name English news writes.

The dictionary defines a place by saying where it is: "Zhejiang province in
east China", "Daqing prefecture-level city in Heilongjiang province",
"Nanning, capital of Guangxi", "Shawan county or Saven nahiyisi in Tacheng
prefecture". A brief wants the name with its proper suffix: "Zhejiang
Province", "Daqing", "Shawan County". The rule reads the shape of the sense,
never a list of places, so it holds for every entry of that shape and for
a new dictionary version. What is left of a description if one gets
through is a note (``PLACE_DESCRIPTION``), and a gloss never shows a note.
Pure text.
"""

from __future__ import annotations

import regex

# A name: capitalized words, "and" between two of them (Ngawa Tibetan and Qiang).
_NAME = r"\p{Lu}[\p{L}\p{M}'’.-]*(?: (?:and )?\p{Lu}[\p{L}\p{M}'’.-]*)*"
_KINDS = (
    r"autonomous (?:region|prefecture|county|banner)|special administrative region|province|municipality|"
    r"city|county|district|prefecture|banner|league|township|town|village|subdistrict"
)
# English leaves a Chinese city's rank out ("Daqing", not "Daqing prefecture-level city"); a
# lowercase "city" is the dictionary's label, a capitalized one part of a name (Mexico City).
_CITY_RANK = r"(?:(?:sub-?)?prefecture|county|sub-?provincial|provincial|deputy provincial)[- ]level |sub-?provincial "
_DIRECTION_WORD = r"(?:north|south|east|west)(?:east|west)?(?:ern)?|central"
_DIRECTION = rf"(?:south central|{_DIRECTION_WORD})"
# Where a description of the place starts after its kind: "in east China", "of Tongliao city",
# "and capital of Jiangxi", "or Saven nahiyisi", "1932-1992".
_DESCRIPTION = (
    r"(?:in|of|on|at|near|under|within|and|or|bordering|between|along|across|north|south|east|west|northeast|"
    r"northwest|southeast|southwest|central|capital|now|formerly|renamed|from|founded|established|until|\d)\b"
)
_PLACE = regex.compile(
    rf"^(?:the |former |historic )?(?P<name>{_NAME})(?: or {_NAME})?,? (?P<rank>{_CITY_RANK})?(?P<kind>(?i:{_KINDS}))"
    rf"(?P<rest>(?: {_DESCRIPTION}.*)?)$"
)
# "state of Texas": the name comes after the kind of place.
_KIND_FIRST = regex.compile(r"^(?:the )?(?:state|province|city|county|island) of (?=\p{Lu})")
# Any other place word then where it is: "Nanzhao kingdom in southwest China", "Lizhou River in Guangyuan".
_LOCATED = regex.compile(
    r"\b((?i:province|county|city|district|prefecture|town|township|village|region|state|river|lake|"
    r"mountain|island|banner)) (?:in|of|on|at|near|under|within|north|south|east|west|capital)\b.*$"
)
# Where a place is, after its name: "Nanchang, capital of Jiangxi", "Kaifeng as the capital of Northern
# Song", "Bamay in Dawu County", "Kaposvár in southwest Hungary" ("Nobel Prize in Literature" stays whole).
_WHERE = regex.compile(
    rf"(?: as)?,? (?:(?:the|a) )?(?:\p{{Ll}}+ )?capital (?:city )?of\b.*$"
    rf"| in {_NAME} (?i:{_KINDS})\b.*$"
    rf"| in (?:the )?(?:{_DIRECTION_WORD})\b.*$"
)
# "Ürümqi or Urumqi", "Louis or Lewis": two spellings of one name; the first is the usual one.
_SPELLINGS = regex.compile(r"^(\S+) or \p{Lu}\S*$")
_LEVELLED_CITY = regex.compile(
    r" (?:municipality|(?:sub-?provincial|(?:sub-)?prefecture[- ]level|county[- ]level) (?:city|subdivision))\b.*$",
    regex.IGNORECASE,
)
# A sense that says only where or what a place is names nothing: "in Huangnan Tibetan
# Autonomous Prefecture", "capital of Yin", "prefecture level city in east Henan",
# "historic province of Tibet", "former county from 1983 in Chamdo prefecture".
WHERE_ONLY = regex.compile(
    r"^(?:in (?:the )?\p{Lu}|(?:the )?(?:\p{Ll}+ )?capital (?:city )?of\b"
    rf"|(?:\p{{Ll}}+[ -])*(?:{_KINDS}) (?:in|of|from)\b)"
)
# A kind of place the dictionary writes after a name as a label: "Dalian city", "Manitoba province".
_TRAILING_KIND = regex.compile(rf"(?<=\p{{Lu}}[\p{{L}}'’-]*) (?P<kind>{_KINDS})$")
# "Ryanggang province province": a kind said twice is said once (Pago Pago is a name).
_DOUBLED = regex.compile(rf"\b({_KINDS}) \1\b")

# What a description of a place leaves in English: the gloss checks its senses and its
# output against these (NOTE_WORDING in senses), and the quality guard a model's lines.
PLACE_DESCRIPTION = regex.compile(
    rf"\b(?i:province|municipality|city|county|district|prefecture|region|banner|town|township|village) "
    rf"(?:\([^)]*\) )?(?:in|of) (?:the )?(?i:{_DIRECTION}) China\b"
    r"|\b\p{Lu}[\p{L}'’-]*,? (?:(?:sub-?)?prefecture|county)[- ]level city\b"
    r"|\b\p{Lu}[\p{L}'’-]*,? sub-?provincial city\b"
    r"|\bcity and capital of\b"
)


def place_name(text: str) -> str:
    """A proper noun's English without the description of where it is.

    "Zhejiang province in east China" → "Zhejiang Province"; "Daqing
    prefecture-level city in Heilongjiang" → "Daqing"; "Shawan county or
    Saven nahiyisi in Tacheng prefecture" → "Shawan County"; "state of Texas"
    → "Texas"; "Lizhou River in Guangyuan" → "Lizhou River". ``text`` is a
    sense already cleaned of brackets, cross-references and what follows a
    comma (``senses.clean``).
    """
    text = _DOUBLED.sub(r"\1", _KIND_FIRST.sub("", text))
    found = _PLACE.match(text)
    if found is None:
        text = _LEVELLED_CITY.sub("", _LOCATED.sub(r"\1", _WHERE.sub("", text)))
        return _TRAILING_KIND.sub(_suffix, _SPELLINGS.sub(r"\1", text))
    if found["kind"] == "City" and not found["rank"] and not found["rest"]:
        return text  # Mexico City, Vatican City: the word is part of the name
    return found["name"] + _suffix(found)


def _suffix(found: regex.Match) -> str:
    """ "province" → " Province"; a city's kind or rank → nothing."""
    kind = found["kind"]
    return "" if kind.lower() in ("city", "municipality") else f" {kind.title()}"
