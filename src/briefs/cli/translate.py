"""``briefs translate``: Chinese lines in, English lines out, with the configured engine."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import BriefsError, os_reason
from ..registry import TRANSLATORS, spoken
from .app import ConfigOption, app, user_errors


def _translation_input(text: Optional[str], file: Optional[Path]) -> list[str]:
    if text is not None:
        return text.splitlines()
    if file is not None:
        try:
            return file.read_text(encoding="utf-8-sig").splitlines()
        except OSError as err:
            raise BriefsError(f"cannot read {file}: {os_reason(err)}") from None
        except UnicodeDecodeError as err:
            raise BriefsError(f"{file}: cannot read it as UTF-8 text ({err.reason} at byte {err.start})") from None
    return sys.stdin.read().splitlines()


@app.command()
def translate(
    text: Annotated[Optional[str], typer.Argument(help="Chinese text. Default: --file, else standard input.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", readable=False, help="A UTF-8 file of Chinese lines.")] = None,
    config: ConfigOption = None,
    translator: Annotated[Optional[str], typer.Option("--translator", help=f"Engine: {spoken(TRANSLATORS)}.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Hub id or local model directory.")] = None,
    beams: Annotated[Optional[int], typer.Option("--beams", help="Beam size.")] = None,
    max_new_tokens: Annotated[Optional[int], typer.Option("--max-new-tokens", help="Longest output per input piece.")] = None,
    int8: Annotated[Optional[bool], typer.Option("--int8/--no-int8", help="Int8 dynamic quantization of linear layers.")] = None,
) -> None:
    """Translate Chinese text: one English line per input line."""
    from ..config import apply_overrides, load_config
    from ..engines import build_translator, translate_lines

    overrides = {"translator.engine": translator, "translator.model": model, "translator.beams": beams,
                 "translator.max_new_tokens": max_new_tokens, "translator.int8": int8}  # fmt: skip
    with user_errors():
        settings = apply_overrides(load_config(config), overrides)
        lines = _translation_input(text, file)
        engine, notes = build_translator(settings)
        for note in notes:
            typer.echo(f"briefs: note: {note}", err=True)
        english = translate_lines(engine, lines)
    sys.stdout.write("".join(line + "\n" for line in english))
