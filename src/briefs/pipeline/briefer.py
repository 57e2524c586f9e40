"""The Briefer: a config, the options and the tools they make, briefing articles.

The one object every path briefs through: the Python API, a local run, the
Ray driver and each Ray worker, and ``briefs eval``. Only where the tools
come from differs (the cache they sit on, or engines already built), so a
path cannot brief with tools the others would not have made.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Sequence

from ..brief import Brief
from ..cache import Cache
from ..config import Config, load_config
from ..document import Document
from ..protocols import Translator
from ..read import read_path
from .article import brief_articles
from .checked import CheckedTranslation, translate_checked
from .tools import Options, Tools, Usage, assemble_tools, make_tools, usage


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


class Briefer:
    """Briefs articles with the engines a config names; they are built on the first call and kept.

    ``cache`` is the translation cache the engines sit behind (by default the
    user's); ``tools``, when given, are used as they are.
    """

    def __init__(
        self,
        config: Config | None = None,
        options: Options = Options(),
        warn: Callable[[str], None] = _stderr,
        cache: Cache | None = None,
        tools: Tools | None = None,
    ):
        self.config = config if config is not None else load_config()
        self.options, self.warn, self.cache = options, warn, cache
        self._tools = tools

    @classmethod
    def over(cls, config: Config, translator: Translator, cache: Cache) -> Briefer:
        """A briefer over a translator already built, with no summarizer: ``briefs eval`` warms it up and times it alone."""
        return cls(config, cache=cache, tools=assemble_tools(config, translator, None, cache))

    def with_tools(self, tools: Tools) -> Briefer:
        """The same config and options over other tools (the Ray driver's cache-only copy of its own)."""
        return Briefer(self.config, self.options, self.warn, self.cache, tools)

    def load(self) -> Tools:
        """The tools, built now if not yet: a run loads them first, so a model that cannot load stops it before any brief."""
        if self._tools is None:
            self._tools = make_tools(self.config, self.warn, self.cache)
        return self._tools

    @property
    def tools(self) -> Tools:
        return self.load()

    def identities(self) -> tuple[str, str]:
        """The translator's and summarizer's identity signatures: briefers that share them make the same briefs."""
        tools = self.tools
        return tools.translator.identity, tools.summarizer.identity if tools.summarizer is not None else ""

    def usage(self) -> Usage:
        return usage(self.tools)

    def brief(self, document: Document) -> list[Brief]:
        """One brief per article of ``document``, in page order, translated in one batch."""
        return self.brief_articles([(document, i) for i in range(len(document.articles))])

    def brief_articles(self, items: Sequence[tuple[Document, int]]) -> list[Brief]:
        """A brief per (document, 0-based article index), all translated in one batch."""
        return brief_articles(items, self.tools, self.options)

    def brief_file(self, path: Path | str) -> list[Brief]:
        """The file read with the config's layout, then ``brief``."""
        return self.brief(read_path(path, self.config.reader.layout))

    def translate_checked(self, sentences: Sequence[str]) -> dict[str, CheckedTranslation]:
        """Each sentence translated as a brief translates it: cached, figures and glossary checked, the guard."""
        return translate_checked(self.tools, sentences)
