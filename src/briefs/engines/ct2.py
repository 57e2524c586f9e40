"""The ctranslate2 engine: a Marian model converted once to CTranslate2, then run on CPU.

CTranslate2 (what Argos Translate and LibreTranslate run on) is built for
CPU inference: on opus-mt-zh-en's architecture it ran 2.1x the marian
engine's float speed in a quarter of its peak memory (README, Speed). The
model is converted on first use and kept in briefs' cache (models.converted).
Tokens come from the source model's own sentencepiece files, read without
transformers so that torch is never imported (marian_tokens); they equal
MarianTokenizer's, so input splitting and decoding match the marian engine
exactly. The package is optional: imported on first use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, Sequence

from ..config import TranslatorConfig
from ..errors import BriefsError, first_line
from ..models.converted import converted_model, ctranslate2_module
from .batching import rejoin, split_for_model
from .hf import ModelEngine
from .marian_tokens import MarianTokens


class Hypotheses(Protocol):
    """One input's translation result: its hypotheses as tokens, best first."""

    hypotheses: list[list[str]]


class CT2Translator(Protocol):
    """What the engine asks of ``ctranslate2.Translator``."""

    def translate_batch(self, source: list[list[str]], **options: Any) -> list[Hypotheses]: ...


@dataclass
class LoadedTranslator:
    translator: CT2Translator  # on the converted model
    tokens: MarianTokens  # the source model's own


class CTranslate2Translator(ModelEngine):
    """Translator protocol over ``ctranslate2.Translator``: same input splitting, tokens and cache as marian.

    Reads ``[translator]`` like marian, and its own ``[translator.ctranslate2]`` (``CTranslate2Settings``)."""

    engine = "ctranslate2"
    role = "translator"
    # Decoding state, not weights, is most of this engine's memory, and batches
    # past a few hundred tokens gain it little speed (README, Speed): 320 tokens
    # in flight keep it under half the memory of a plain transformers loop.
    default_batch_tokens = 320

    def __init__(self, settings: TranslatorConfig | None = None):
        super().__init__(settings or TranslatorConfig())
        self._loaded: LoadedTranslator | None = None

    @property
    def loaded(self) -> LoadedTranslator:
        """The source model's tokens and a Translator on its converted copy."""
        if self._loaded is None:
            kind = self.facts.model_type
            if kind != "marian":
                raise BriefsError(
                    f"cannot convert {self.settings.model} for the ctranslate2 engine: it is a {kind or 'non-Marian'} model "
                    f"and the engine runs Marian models only; set translator.engine = \"seq2seq\""
                )
            s = self.settings
            self._loaded = load_converted(self.resolved.path, s.model, s.ctranslate2.quantization, self.threads)
        return self._loaded

    @property
    def threads(self) -> Threads:
        return Threads.split(cpu_threads(self.settings.threads), self.settings.ctranslate2.inter_threads)

    def _signature(self) -> list[tuple[str, str]]:
        # int8 is the marian engine's switch; here the quantization says it.
        signature = [(k, v) for k, v in super()._signature() if k != "int8"]
        signature.insert(2, ("quant", self.settings.ctranslate2.quantization))
        return signature

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return self.run(sentences)

    def run(self, texts: Sequence[str]) -> list[str]:
        """One output per text; long texts are split, translated in pieces and re-joined."""
        pieces = split_for_model(texts, self.input_limit, self.token_count)
        if not pieces:
            return rejoin(len(texts), [], [])
        translator, tokens = self.loaded.translator, self.loaded.tokens
        results = translator.translate_batch([tokens.encode(piece) for _, piece in pieces], **self._options())
        hypotheses = [r.hypotheses[0] for r in results]
        # The end token is left out of a hypothesis: one as long as the budget never reached it.
        self.output_cuts += sum(1 for h in hypotheses if len(h) >= self.settings.max_new_tokens)
        return rejoin(len(texts), pieces, [tokens.decode(h) for h in hypotheses])

    def token_count(self, text: str) -> int:
        return self.loaded.tokens.count(text)

    def _options(self) -> dict[str, Any]:
        s = self.settings
        return dict(
            beam_size=s.beams,
            max_decoding_length=s.max_new_tokens,
            length_penalty=s.length_penalty,
            no_repeat_ngram_size=s.no_repeat_ngram_size,
            repetition_penalty=s.repetition_penalty,
            # CTranslate2 sorts by length and batches within a padded-token budget, as briefs does;
            # the budget is shared by the batches that run at once.
            max_batch_size=max(1, self.batch_tokens // self.threads.inter),
            batch_type="tokens",
            # Pieces already fit the model; 0 stops CTranslate2 from silently cutting one.
            max_input_length=0,
        )


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


_LOADED: dict[tuple[str, Threads], LoadedTranslator] = {}


def load_converted(source: Path, name: str, quantization: str, threads: Threads) -> LoadedTranslator:
    """The converted copy of ``source`` (converted now if needed), loaded once per process."""
    converted = converted_model(source, name, quantization)
    key = (str(converted), threads)
    if key not in _LOADED:
        ct2 = ctranslate2_module()
        try:
            translator = ct2.Translator(str(converted), device="cpu", compute_type=quantization,
                                        inter_threads=threads.inter, intra_threads=threads.intra)  # fmt: skip
        except (RuntimeError, ValueError) as err:
            raise BriefsError(f"cannot load the converted model {converted}: {first_line(err)}; delete that folder to convert again") from None
        _LOADED[key] = LoadedTranslator(translator, MarianTokens.from_dir(source))
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
