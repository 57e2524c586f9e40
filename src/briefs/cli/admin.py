"""Commands that look after models and the cache: ``briefs models ...`` and ``briefs cache ...``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, TypeVar

import typer

from ..errors import BriefsError
from ..models.stub import KINDS
from .app import ConfigOption, app, debug, fail, os_failure, user_errors, warn

if TYPE_CHECKING:
    from ..cache import Cache

models_app = typer.Typer(help="List, download and build models.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list(
    config: ConfigOption = None,
) -> None:
    """Show each configured model and whether it is available offline, then the converted CTranslate2 models."""
    from ..config import load_config
    from ..models import model_statuses
    from ..models.converted import converted_models

    with user_errors():
        statuses = model_statuses(load_config(config))
        converted = converted_models()
    for s in statuses:
        typer.echo(f"{s.role:<11} {s.engine:<11} {s.model or '-':<36} {'ok' if s.available else 'MISSING':<8} {s.where}")
    for c in converted:
        typer.echo(f"{'converted':<11} {'ctranslate2':<11} {c.source:<36} {c.quantization:<8} {c.bytes / 1e6:.1f} MB {c.path}")


@models_app.command("download")
def models_download(
    name: Annotated[str, typer.Argument(help="Hub id, e.g. Helsinki-NLP/opus-mt-zh-en.")],
    revision: Annotated[str, typer.Option("--revision", help="Branch, tag or commit.")] = "",
) -> None:
    """Download a model into the Hugging Face cache (needs network)."""
    from ..models import download_model

    with user_errors("save the model in"):
        path = download_model(name, revision)
    typer.echo(str(path))


# One list: a kind the stub builder learns is offered here without another edit.
StubKind = Enum("StubKind", {kind: kind for kind in KINDS}, type=str)


@models_app.command("make-stub")
def models_make_stub(
    directory: Annotated[Path, typer.Argument(readable=False, help="Where to save the model.")],
    kind: Annotated[StubKind, typer.Option("--kind", help="marian copies its input; t5 and m2m100 are random.")] = StubKind.marian,
) -> None:
    """Build a tiny deterministic model for tests and trials (no download)."""
    from ..models import make_stub

    with user_errors("save the model in"):
        make_stub(directory, kind.value)
    typer.echo(f"built a tiny {kind.value} model in {directory}")


cache_app = typer.Typer(help="Inspect, check or empty the translation cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


_T = TypeVar("_T")


def _on_cache(action: Callable[["Cache"], _T]) -> _T:
    from ..cache import Cache

    cache = Cache.default(warn)
    try:
        return action(cache)
    except BriefsError as err:
        fail(err)
        raise  # fail() always exits; this keeps type checkers sure of it
    except OSError as err:  # the cache folder or file, where BRIEFS_CACHE_DIR points, cannot be used
        if debug:
            raise
        fail(os_failure(err, "use the cache at"))
        raise
    finally:
        cache.close()


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is, its size, its entries per engine, and any damaged copies set aside."""
    info = _on_cache(lambda cache: cache.info())
    typer.echo(f"{info['path']} ({info['bytes'] / 1e6:.1f} MB)")
    for row in info["entries"]:
        typer.echo(f"  {row['count']:>8} {row['kind']:<12} {row['identity']}")
    for path in info["set_aside"]:
        typer.echo(f"  set aside as damaged, no longer read (delete it when done): {path}")


@cache_app.command("check")
def cache_check() -> None:
    """Run SQLite's integrity check on the cache and read every entry, repairing nothing. Exit status 1 if it is damaged."""
    cache_path, health = _on_cache(lambda cache: (cache.path, cache.check()))
    if health.problem is not None:
        typer.echo(
            f"briefs: the cache {cache_path} is damaged ({health.problem}); "
            "`briefs cache clear` or the next run will move it aside and start a fresh one",
            err=True,
        )
        raise typer.Exit(1)
    if health.damaged:
        typer.echo(
            f"briefs: the cache {cache_path} is damaged ({health.damaged} of its {health.entries} entries cannot be read); "
            "the next run drops those and makes them again",
            err=True,
        )
        raise typer.Exit(1)
    if not cache_path.exists():
        typer.echo(f"ok: no cache yet at {cache_path}")
        return
    typer.echo(f"ok: {cache_path} passes SQLite's integrity check")
    typer.echo(f"ok: {health.entries} entries, each one readable")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached translation and summary (a damaged cache is moved aside instead)."""
    removed = _on_cache(lambda cache: cache.clear())
    typer.echo(f"removed {removed} entries")
