"""briefs: Chinese regional news pages in, English Markdown briefs out.

The package's folders are its architecture; data flows one way, down this list
(``tests/test_architecture.py`` keeps it so):

- ``cli/``       the ``briefs`` command: parses flags, calls the API, maps errors to exit codes.
- ``api``        the Python API exported here: ``read``, ``Briefer``, ``render_markdown``, ``brief_files``.
- ``eval/``      ``briefs eval``: engines side by side on a test set, scored with sacrebleu.
- ``run/``       the batch: inputs read, local and Ray executors, progress, atomic output.
- ``render/``    Brief → Markdown, JSON sidecar, index; Document → outline.
- ``pipeline/``  one article → one Brief: plan, translate once, check figures and glossary, the guard.
- ``engines/``   one module per engine behind the two protocols; built from config.
- ``models/``    find a model (local dir → HF cache → hub), stub models, CTranslate2 conversion.
- ``gloss/``     the offline dictionary translator's resources and rules (CC-CEDICT, lexicon, senses).
- ``glossary/``  fixed English for terms and names; pinyin for the rest.
- ``figures/``   quantities: find, read in English, check and repair a translation.
- ``read/``      a file → Document, one reader per input form, chosen from one table of file types:
  ``seeds``, ``epaper``, ``web/`` (text, HTML), ``pdf/``; the page rules they share in ``lines``,
  ``cuts`` and ``digests``.
- ``text/``      the rules of Chinese text used everywhere: marks, spaces, sentences, script, words, dates, datelines.
- root modules:  ``document`` (Document → Article → Section, typed metadata), ``brief`` (the Brief),
  ``config`` (TOML → dataclasses), ``cache`` (SQLite), ``protocols`` (Translator, Summarizer),
  ``registry`` (engine and layout names), ``files``, ``errors``, ``signals``.

Nothing here imports torch: the API's names load on first use, and a model
loads on the first brief that needs one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = {"Brief", "Briefer", "Config", "Document", "Options", "RunReport", "apply_overrides", "load_config", "read",
        "render_markdown", "render_sidecar", "brief_files"}  # fmt: skip
__all__ = sorted(_API | {"BriefsError", "__version__"})

if TYPE_CHECKING:
    from .api import *
    from .errors import BriefsError


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "BriefsError":
        from .errors import BriefsError

        return BriefsError
    raise AttributeError(f"module 'briefs' has no attribute {name!r}")
