"""The ctranslate2 engine: a Marian model converted once to CTranslate2, then run on CPU.

CTranslate2 (what Argos Translate and LibreTranslate run on) is built for
CPU inference: on opus-mt-zh-en's architecture it ran 2.1x the marian
engine's float speed in a quarter of its peak memory (README, Speed). The
configured Hugging Face model is converted with CTranslate2's own converter
into briefs' cache on first use, keyed by its weights, quantization and the
ctranslate2 version, and reused by every later run. Tokens come from the
source model's own sentencepiece files, read without transformers so that
torch is never imported (marian_tokens); they equal MarianTokenizer's, so
input splitting and decoding match the marian engine exactly. The package is
optional: imported on first use.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ..files import default_cache_dir
from ..config import TranslatorConfig
from ..errors import BriefsError
from ..models import weights_fingerprint
from .batching import rejoin, split_for_model
from .hf import LoadedModel, ModelEngine
from .marian_tokens import MarianTokens

CONVERTED_DIR = "ct2"  # under briefs' cache directory
MANIFEST = "briefs-ct2.json"  # what a converted model was made from, for `briefs models list`
INSTALL = "the ctranslate2 engine needs the ctranslate2 package: pip install 'briefs[ct2]'"
# Small files that shape the converted model besides the weights (vocabulary, special tokens).
_SOURCE_FILES = ("config.json", "generation_config.json", "tokenizer_config.json", "vocab.json")
# A half-converted model this old was left by a crash: no conversion takes an hour.
_STALE_SECONDS = 3600
_PART = ".part-"

# Conversions done by this process: lets tests prove a converted model is reused.
conversions = 0


def ctranslate2_module() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise BriefsError(INSTALL) from None
    return ctranslate2


class CTranslate2Translator(ModelEngine):
    """Translator protocol over ``ctranslate2.Translator``: same input splitting, tokens and cache as marian."""

    engine = "ctranslate2"
    role = "translator"
    # Decoding state, not weights, is most of this engine's memory, and batches
    # past a few hundred tokens gain it little speed (README, Speed): 320 tokens
    # in flight keep it under half the memory of a plain transformers loop.
    default_batch_tokens = 320

    def __init__(self, settings: TranslatorConfig | None = None):
        super().__init__(settings or TranslatorConfig())
        self._loaded: LoadedModel | None = None

    @property
    def loaded(self) -> LoadedModel:
        """The source model's tokens and a Translator on its converted copy."""
        if self._loaded is None:
            kind = self.facts.model_type
            if kind != "marian":
                raise BriefsError(
                    f"cannot convert {self.settings.model} for the ctranslate2 engine: it is a {kind or 'non-Marian'} model "
                    f"and the engine runs Marian models only; set translator.engine = \"seq2seq\""
                )
            s = self.settings
            self._loaded = load_converted(self.resolved.path, s.model, s.ct2_quantization, self.threads)
        return self._loaded

    @property
    def threads(self) -> Threads:
        return Threads.split(cpu_threads(self.settings.threads), self.settings.ct2_inter_threads)

    def _signature(self) -> list[tuple[str, str]]:
        # int8 is the marian engine's switch; here the quantization says it.
        signature = [(k, v) for k, v in super()._signature() if k != "int8"]
        signature.insert(2, ("quant", self.settings.ct2_quantization))
        return signature

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return self.run(sentences)

    def run(self, texts: Sequence[str]) -> list[str]:
        """One output per text; long texts are split, translated in pieces and re-joined."""
        pieces = split_for_model(texts, self.input_limit, self.token_count)
        if not pieces:
            return rejoin(len(texts), [], [])
        translator, tokens = self.loaded.model, self.loaded.tokenizer
        results = translator.translate_batch([tokens.encode(piece) for _, piece in pieces], **self._options())
        hypotheses = [r.hypotheses[0] for r in results]
        # The end token is left out of a hypothesis: one as long as the budget never reached it.
        self.output_cuts += sum(1 for h in hypotheses if len(h) >= self.settings.max_new_tokens)
        return rejoin(len(texts), pieces, [tokens.decode(h) for h in hypotheses])

    def token_count(self, text: str) -> int:
        return self.loaded.tokenizer.count(text)

    def _options(self) -> dict[str, Any]:
        s = self.settings
        return {
            "beam_size": s.beams,
            "max_decoding_length": s.max_new_tokens,
            "length_penalty": s.length_penalty,
            "no_repeat_ngram_size": s.no_repeat_ngram_size,
            "repetition_penalty": s.repetition_penalty,
            # CTranslate2 sorts by length and batches within a padded-token budget, as briefs does;
            # the budget is shared by the batches that run at once.
            "max_batch_size": max(1, self.batch_tokens // self.threads.inter),
            "batch_type": "tokens",
            # Pieces already fit the model; 0 stops CTranslate2 from silently cutting one.
            "max_input_length": 0,
        }


@dataclass(frozen=True)
class Threads:
    """CTranslate2's two kinds of CPU threads: batches at once (inter), threads per batch (intra)."""

    inter: int
    intra: int

    @classmethod
    def split(cls, total: int, inter: int = 0) -> "Threads":
        """``total`` threads as ``inter`` parallel batches (0: two, when there are two threads)."""
        inter = inter or min(2, total)
        return cls(inter, max(1, total // inter))


_LOADED: dict[tuple[str, Threads], LoadedModel] = {}


def load_converted(source: Path, name: str, quantization: str, threads: Threads) -> LoadedModel:
    """The converted copy of ``source`` (converted now if needed), loaded once per process."""
    converted = converted_model(source, name, quantization)
    key = (str(converted), threads)
    if key not in _LOADED:
        ct2 = ctranslate2_module()
        try:
            translator = ct2.Translator(str(converted), device="cpu", compute_type=quantization,
                                        inter_threads=threads.inter, intra_threads=threads.intra)  # fmt: skip
        except (RuntimeError, ValueError) as err:
            raise BriefsError(f"cannot load the converted model {converted}: {_first_line(err)}; delete that folder to convert again") from None
        _LOADED[key] = LoadedModel(translator, MarianTokens.from_dir(source))
    return _LOADED[key]


def cpu_threads(threads: int) -> int:
    """``threads``, or what torch would use: OMP_NUM_THREADS, else every core we may run on.

    CTranslate2's own default is 4 threads, which oversubscribes a 2-core machine.
    """
    if threads:
        return threads
    wanted = os.environ.get("OMP_NUM_THREADS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def conversion_root() -> Path:
    return default_cache_dir() / CONVERTED_DIR


def converted_model(source: Path, name: str, quantization: str) -> Path:
    """The CTranslate2 copy of the model in ``source``: converted on first use, then reused."""
    ct2 = ctranslate2_module()
    target = conversion_root() / conversion_key(source, name, quantization, ct2.__version__)
    if not (target / "model.bin").is_file():
        _convert(source, name, quantization, target)
    return target


def conversion_key(source: Path, name: str, quantization: str, version: str) -> str:
    """A folder name naming the model and covering everything the conversion depends on."""
    digest = hashlib.sha256()
    for filename in _SOURCE_FILES:
        path = source / filename
        digest.update(path.read_bytes() if path.is_file() else b"-")
    readable = re.sub(r"[^\w.-]", "_", Path(name.rstrip("/")).name) or "model"
    return f"{readable}@{weights_fingerprint(source)}-{digest.hexdigest()[:8]}-{quantization}-ct2_{version}"


def _convert(source: Path, name: str, quantization: str, target: Path) -> None:
    """Convert into a private sibling folder, then rename it into place in one step.

    A crash leaves only the private folder (swept later); of two runs
    converting at once, the first rename wins and the other's copy is dropped.
    """
    global conversions
    root = target.parent
    try:
        root.mkdir(parents=True, exist_ok=True)
        _sweep(root)
        work = Path(tempfile.mkdtemp(dir=root, prefix=f".{target.name}{_PART}"))
    except OSError as err:
        raise BriefsError(f"cannot write converted models to {root}: {err.strerror} (set BRIEFS_CACHE_DIR to a writable folder)") from None
    # Seconds for opus-mt, minutes for large models: say why the run pauses, once.
    print(f"briefs: converting {name} to CTranslate2 ({quantization}) into {root}; later runs reuse it", file=sys.stderr, flush=True)
    try:
        _run_converter(source, name, quantization, work)
        manifest = {"source": name, "source_path": str(source), "quantization": quantization,
                    "ctranslate2": ctranslate2_module().__version__, "converted": time.strftime("%Y-%m-%d %H:%M:%S")}  # fmt: skip
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        conversions += 1
        try:
            work.rename(target)
        except OSError:
            if not (target / "model.bin").is_file():
                raise
    except OSError as err:
        raise BriefsError(f"cannot write the converted model to {target}: {err.strerror or err}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_converter(source: Path, name: str, quantization: str, work: Path) -> None:
    from ctranslate2.converters import TransformersConverter
    from transformers.utils import logging

    logging.disable_progress_bar()
    logging.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            TransformersConverter(str(source)).convert(str(work), quantization=quantization, force=True)
    # The converter loads the model through transformers and raises whatever
    # that raises (OSError, ValueError, SafetensorError, NotImplementedError, ...).
    except Exception as err:  # noqa: BLE001
        raise BriefsError(f"cannot convert {name} to CTranslate2: {_first_line(err)}") from None


def _sweep(root: Path) -> None:
    """Remove half-converted models that crashed runs left behind."""
    now = time.time()
    for leftover in root.glob(f".*{_PART}*"):
        try:
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass  # another run swept it first


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


@dataclass(frozen=True)
class ConvertedModel:
    source: str  # the model as configured
    quantization: str
    ctranslate2: str  # the version that converted it
    path: Path
    bytes: int


def converted_models(root: Path | None = None) -> list[ConvertedModel]:
    """The converted models in the cache (finished ones only), by folder name."""
    root = conversion_root() if root is None else root
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
        found.append(ConvertedModel(manifest.get("source", folder.name), manifest.get("quantization", "?"),
                                    manifest.get("ctranslate2", "?"), folder, _size(folder)))  # fmt: skip
    return found


def _size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        try:
            total += path.stat().st_size if path.is_file() else 0
        except OSError:
            pass  # deleted while we looked
    return total
