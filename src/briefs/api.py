"""The Python API: read a page, brief its articles, render a brief. The CLI is a user of it.

    import briefs
    document = briefs.read("seeds/000_3550f0e559f805fd.txt")
    for brief in briefs.Briefer(briefs.load_config()).brief(document):
        print(briefs.render_markdown(brief))

Nothing heavy is imported until it is used: reading and rendering are pure
text, and a model loads on the first ``brief`` call that needs it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from .brief import Brief
from .config import Config, apply_overrides, load_config
from .document import Document
from .pipeline.briefer import Briefer
from .pipeline.tools import Options
from .read import read_path
from .render.markdown import brief_markdown, brief_sidecar
from .run.command import run_command
from .run.progress import Progress
from .run.report import RunReport

__all__ = [
    "Brief", "Briefer", "Config", "Document", "Options", "RunReport", "apply_overrides", "load_config", "read",
    "render_markdown", "render_sidecar", "brief_files",
]  # fmt: skip


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def read(path: Path | str, layout: str = "auto") -> Document:
    """One page as articles, sections, paragraphs and extras.

    The page is text (``.txt``, ``.md``; any other name is read as text), a
    saved web page (``.html``, ``.htm``) or a PDF with a text layer (``.pdf``,
    or any file that starts as one). A text page's ``layout`` is found from
    the page unless named (seeds, epaper, web); the document says which was
    used (``document.layout``). An unreadable or non-Chinese file, or a PDF
    without text, raises ``briefs.errors.InputError`` naming it."""
    return read_path(path, layout)




def render_markdown(brief: Brief, bilingual: bool = False) -> str:
    """A brief as the Markdown file ``briefs run`` writes."""
    return brief_markdown(brief, bilingual=bilingual)


def render_sidecar(brief: Brief, generated_at: str = "") -> dict:
    """A brief as the JSON sidecar ``briefs run`` writes beside it."""
    return brief_sidecar(brief, generated_at)


def brief_files(
    paths: list[Path], out: Path, config: Config, options: Options, progress: Progress, warn: Callable[[str], None] = _stderr
) -> RunReport:
    """What ``briefs run`` does: a brief and sidecar per article of every input, and index.md, in ``out``."""
    return run_command(paths, out, config, options, progress, warn)
