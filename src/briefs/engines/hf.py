"""What the model engines share: a model found, measured and named by its weights; for the
marian and seq2seq engines, a transformers model loaded and run in batches.

Constructors only store settings; the model is resolved, loaded (and, if
asked, quantized) on first use and kept per directory, so two engines on the
same model share it. transformers 5 has no translation pipeline: we tokenize,
call ``generate`` and decode ourselves.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Protocol, Self, Sequence

from ..config import Config, ModelConfig
from ..errors import BriefsError, first_line
from ..models import ResolvedModel, resolve_model, weights_fingerprint
from .batching import rejoin, run_packed, split_for_model

# Bump when a change to these engines changes their output: it is part of
# every identity, so cached translations made before are not reused.
ENGINE_VERSION = "0.1"
# Used when neither the model nor its tokenizer states an input limit (T5).
_DEFAULT_LIMIT = 512


class Encoding(Protocol):
    """A tokenizer's output (a BatchEncoding): the token ids, and the tensors ``generate`` takes by name."""

    input_ids: list[Any]  # the ids of one text, or a list of ids per text

    def keys(self) -> Iterable[str]: ...

    def __getitem__(self, key: str) -> Any: ...


class Tokenizer(Protocol):
    """What the engines ask of a transformers tokenizer."""

    unk_token_id: int | None

    def __call__(self, text: str | list[str], **options: Any) -> Encoding: ...

    def batch_decode(self, sequences: list[list[int]], *, skip_special_tokens: bool) -> list[str]: ...

    def convert_tokens_to_ids(self, token: str) -> int | None: ...


class TokenRows(Protocol):
    """Generated token ids, a row per input (a tensor)."""

    def tolist(self) -> list[list[int]]: ...


class Seq2SeqModel(Protocol):
    """What the engines ask of a transformers model: generation, nothing else."""

    def generate(self, **inputs: Any) -> TokenRows: ...


@dataclass
class LoadedModel:
    model: Seq2SeqModel
    tokenizer: Tokenizer


@dataclass(frozen=True)
class ModelFacts:
    """What the files of a model say, read without loading it."""

    model_type: str
    tokenizer_class: str
    limit: int  # the longest input in tokens, special tokens included


@lru_cache(maxsize=32)
def model_facts(path: Path) -> ModelFacts:
    config = read_json(path / "config.json")
    tokenizer = read_json(path / "tokenizer_config.json")
    limits = [config.get("max_position_embeddings"), config.get("n_positions"), tokenizer.get("model_max_length")]
    # Tokenizers without a limit report a huge sentinel.
    usable = [n for n in limits if isinstance(n, int) and 0 < n < 1_000_000]
    return ModelFacts(config.get("model_type", ""), tokenizer.get("tokenizer_class", ""), min(usable, default=_DEFAULT_LIMIT))


def read_json(path: Path) -> dict[str, Any]:
    """A model folder's JSON file; {} when the model has none."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        raise BriefsError(f"{path}: cannot read it ({err})") from None


_LOADED: dict[tuple[str, bool], LoadedModel] = {}


def load(path: Path, *, int8: bool = False, threads: int = 0) -> LoadedModel:
    """The model in ``path``, loaded once per process (per int8 setting)."""
    import torch

    if threads and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    key = (str(path), int8)
    if key not in _LOADED:
        _LOADED[key] = _load(path, int8)
    return _LOADED[key]


def _load(path: Path, int8: bool) -> LoadedModel:
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging

    logging.disable_progress_bar()
    logging.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            # MarianTokenizer asks for sacremoses; its punctuation rules are for European text.
            warnings.simplefilter("ignore")
            tokenizer = AutoTokenizer.from_pretrained(path)
            model = AutoModelForSeq2SeqLM.from_pretrained(path).eval()
    except (OSError, ValueError, KeyError) as err:
        raise BriefsError(f"cannot load the model in {path}: {first_line(err)}") from None
    if int8:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch marks eager dynamic quantization deprecated; it still works on CPU
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    return LoadedModel(model, tokenizer)


class ModelEngine:
    """An engine backed by one model: found on first use, measured, named by its weights and settings;
    subclasses load and run it."""

    engine = "model"
    role = "translator"
    # On 2 cores, 512-2048 run opus-mt fastest in torch; larger batches only use more memory.
    default_batch_tokens = 1024

    def __init__(self, settings: ModelConfig):
        self.settings = settings
        self._resolved: ResolvedModel | None = None
        self._identity: str | None = None
        self.output_cuts = 0  # outputs that hit max_new_tokens unfinished: reported, never silent

    @classmethod
    def from_config(cls, settings: ModelConfig, config: Config) -> Self:
        """Every engine's constructor (``engines.EngineClass``): a model engine reads its role's section alone."""
        return cls(settings)

    @property
    def resolved(self) -> ResolvedModel:
        if self._resolved is None:
            s = self.settings
            self._resolved = resolve_model(s.model, s.revision, key=f"{self.role}.model")
        return self._resolved

    @property
    def identity(self) -> str:
        if self._identity is None:
            self._identity = "|".join(f"{k}:{v}" for k, v in self._signature())
        return self._identity

    def _signature(self) -> list[tuple[str, str]]:
        s = self.settings
        version = s.revision or weights_fingerprint(self.resolved.path)
        return [
            ("engine", self.engine),
            ("model", f"{Path(s.model.rstrip('/')).name}@{version}"),
            ("beams", str(s.beams)),
            ("max_new", str(s.max_new_tokens)),
            ("max_in", str(self.input_limit)),
            ("lp", f"{s.length_penalty:g}"),
            ("nrng", str(s.no_repeat_ngram_size)),
            ("int8", "yes" if s.int8 else "no"),
            *([("rp", f"{s.repetition_penalty:g}")] if s.repetition_penalty != 1.0 else []),
            ("v", ENGINE_VERSION),
        ]

    @property
    def batch_tokens(self) -> int:
        return self.settings.batch_tokens or self.default_batch_tokens

    @property
    def facts(self) -> ModelFacts:
        return model_facts(self.resolved.path)

    @property
    def input_limit(self) -> int:
        """The longest input the model is given, in tokens; longer ones are split."""
        own = self.facts.limit
        return min(own, self.settings.max_input_tokens) if self.settings.max_input_tokens else own


class TransformersEngine(ModelEngine):
    """A transformers seq2seq model: tokenize, ``generate``, decode; subclasses say what goes in and out."""

    @property
    def loaded(self) -> LoadedModel:
        return load(self.resolved.path, int8=self.settings.int8, threads=self.settings.threads)

    def prepare(self, text: str) -> str:
        """The model input for a piece of text (a prompt, for instance)."""
        return text

    def generation_options(self) -> dict[str, Any]:
        return {}

    def token_count(self, text: str) -> int:
        return len(self.loaded.tokenizer(self.prepare(text)).input_ids)

    def run(self, texts: Sequence[str]) -> list[str]:
        """One output per text; long texts are split, generated in pieces and re-joined."""
        pieces = split_for_model(texts, self.input_limit, self.token_count)
        inputs = [self.prepare(piece) for _, piece in pieces]
        lengths = [len(ids) for ids in self.loaded.tokenizer(inputs).input_ids] if inputs else []
        outputs = run_packed(inputs, lengths, self.batch_tokens, self.generate)
        return rejoin(len(texts), pieces, outputs)

    def generate(self, inputs: list[str]) -> list[str]:
        """One batch through ``model.generate``; no input is truncated here."""
        ids = self._strip(self.generate_ids(inputs))
        return self.loaded.tokenizer.batch_decode(ids, skip_special_tokens=True)

    def generate_ids(self, inputs: list[str]) -> list[list[int]]:
        import torch

        model, tokenizer = self.loaded.model, self.loaded.tokenizer
        batch = tokenizer(inputs, return_tensors="pt", padding=True)
        options = self._generation_kwargs()
        with torch.inference_mode():
            output = model.generate(**batch, **options)
        rows = output.tolist()
        self.output_cuts += sum(1 for row in rows if self._cut(row, options["max_new_tokens"]))
        return rows

    def _cut(self, row: list[int], limit: int) -> bool:
        """The output used its whole token budget. Models with a forced end token (Marian) end
        every row with it, so the budget, not the token, tells; an end that falls exactly on
        the limit counts too, which only over-reports (the guard judges the text itself)."""
        generated = len(row) - 1  # the decoder start token is not generated
        return generated >= limit

    def _generation_kwargs(self) -> dict[str, Any]:
        s = self.settings
        options: dict[str, Any] = {"num_beams": s.beams, "max_new_tokens": s.max_new_tokens, "do_sample": False}
        if s.beams > 1:
            options["length_penalty"] = s.length_penalty
        if s.no_repeat_ngram_size:
            options["no_repeat_ngram_size"] = s.no_repeat_ngram_size
        if s.repetition_penalty != 1.0:
            options["repetition_penalty"] = s.repetition_penalty
        return {**options, **self.generation_options()}

    def _strip(self, sequences: list[list[int]]) -> list[list[int]]:
        return sequences

