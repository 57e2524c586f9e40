"""Space and line breaks as pages write them: one definition of a space, folded once.

Chinese pages indent with the ideographic space (U+3000), web pages carry
no-break spaces (U+00A0), files saved on Windows end lines in CRLF and may
keep a byte-order mark mid-text after a join. All of them are space here.
"""

from __future__ import annotations

import regex

# The characters a line is trimmed of: ASCII space and tab, CR, the ideographic and no-break spaces, a stray BOM.
SPACES = " \t\r\n\u3000\xa0\ufeff"
_RUN = regex.compile(r"[\s\ufeff]+")


def fold_spaces(text: str) -> str:
    """Every run of space, of any kind, as one ASCII space; none at either end."""
    return _RUN.sub(" ", text).strip(" ")


def unify_newlines(text: str) -> str:
    """CRLF and lone CR as LF: one kind of line break for every rule that splits lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
