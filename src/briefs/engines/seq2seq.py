"""The seq2seq engine: any other AutoModelForSeq2SeqLM, as translator or summarizer.

Two families need two kinds of steering. mT5/mT0/Flan-T5 style models take
an instruction: the input goes where the prompt template says ``{text}``.
NLLB and M2M100 take language codes instead: the source code is set on the
tokenizer and the target code is forced as the first generated token (it is
removed again before decoding; transformers 5 no longer treats it as a
special token). Summaries (e.g. csebuetnlp/mT5_multilingual_XLSum) come from
passages of whole sentences that fit the model's input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, Sequence, runtime_checkable

from ..config import ModelConfig, SummarizerConfig, TranslatorConfig
from ..errors import BriefsError
from ..files import text_digest
from ..text.marks import HAN
from ..text.sentences import split_sentences
from .hf import TransformersEngine

# Codes used when an M2M100/NLLB model is configured without any.
_DEFAULT_CODES = {"nllb": ("zho_Hans", "eng_Latn"), "m2m100": ("zh", "en")}
_UNKNOWN = -1  # no token id is negative


@runtime_checkable
class SourceCoded(Protocol):
    """A tokenizer told the source language (M2M100, NLLB): it writes the code before the text."""

    src_lang: str | None


@runtime_checkable
class CodeTokens(Protocol):
    """M2M100's tokenizer: a language code has a token of its own (``en`` → ``__en__``); NLLB's codes are tokens."""

    def get_lang_token(self, code: str) -> str: ...


class _Steered(TransformersEngine):
    """Prompt template and language codes, applied to every input."""

    engine = "seq2seq"

    def __init__(self, settings: ModelConfig):
        super().__init__(settings)
        self._template: str | None = None
        self._forced: int | None = _UNKNOWN

    @property
    def template(self) -> str:
        if self._template is None:
            self._template = prompt_template(self.settings.prompt)
        return self._template

    def prepare(self, text: str) -> str:
        # Engines on one model share its tokenizer: set the source code each time.
        self._set_source()
        return fill(self.template, text)

    @property
    def forced_bos_token_id(self) -> int | None:
        """The target-language token the output must start with, if the model uses codes."""
        if self._forced == _UNKNOWN:
            self._forced = self._target_token()
        return self._forced

    def _languages(self) -> tuple[str, str]:
        s = self.settings
        if s.src_lang or s.tgt_lang or self.facts.model_type != "m2m_100":
            return s.src_lang, s.tgt_lang
        return _DEFAULT_CODES["nllb" if self.facts.tokenizer_class.startswith("Nllb") else "m2m100"]

    def _set_source(self) -> None:
        tokenizer = self.loaded.tokenizer
        source = self._languages()[0]
        # A tokenizer without a source language has nothing to set (Marian and T5 read text alone).
        if source and isinstance(tokenizer, SourceCoded) and tokenizer.src_lang != source:
            try:
                tokenizer.src_lang = source
            except (KeyError, ValueError, AttributeError):
                raise BriefsError(f"{self.role}.src_lang = {source!r} is not a language code of {self.settings.model}") from None

    def _target_token(self) -> int | None:
        tokenizer = self.loaded.tokenizer
        target = self._languages()[1]
        if not target:
            return None
        try:
            token = tokenizer.get_lang_token(target) if isinstance(tokenizer, CodeTokens) else target
            token_id = tokenizer.convert_tokens_to_ids(token)
        except KeyError:
            token_id = None
        if token_id is None or token_id == tokenizer.unk_token_id:
            raise BriefsError(f"{self.role}.tgt_lang = {target!r} is not a language code of {self.settings.model}")
        return token_id

    def generation_options(self) -> dict[str, Any]:
        forced = self.forced_bos_token_id
        return {"forced_bos_token_id": forced} if forced is not None else {}

    def _strip(self, sequences: list[list[int]]) -> list[list[int]]:
        forced = self.forced_bos_token_id
        if forced is None:
            return sequences
        return [[t for t in sequence if t != forced] for sequence in sequences]

    def _signature(self) -> list[tuple[str, str]]:
        source, target = self._languages()
        steering = [("prompt", text_digest(self.template, 8))]
        steering += [("src", source), ("tgt", target)] if target else []
        signature = super()._signature()
        return signature[:-1] + steering + signature[-1:]


class Seq2SeqTranslator(_Steered):
    """Translator protocol over any seq2seq model (prompted or language-coded)."""

    role = "translator"

    def __init__(self, settings: ModelConfig | None = None):
        super().__init__(settings or TranslatorConfig(engine="seq2seq"))

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return self.run(sentences)


class Seq2SeqSummarizer(_Steered):
    """Summarizer protocol: written summary sentences, about ``budget`` characters in all."""

    role = "summarizer"

    def __init__(self, settings: ModelConfig | None = None):
        super().__init__(settings or SummarizerConfig(engine="seq2seq"))

    def summarize(self, sentences: Sequence[str], budget: int) -> list[int | str]:
        texts = [s.strip() for s in sentences if s.strip()]
        if budget <= 0 or not texts:
            return []
        summaries = self.run(self.passages(texts))
        written: list[int | str] = []
        for sentence in (s for summary in summaries for s in split_sentences(summary)):
            if written and sum(map(len, written)) + len(sentence) > budget:  # type: ignore[arg-type]
                break
            written.append(sentence)
        return written

    def passages(self, sentences: Sequence[str]) -> list[str]:
        """Consecutive sentences joined while they fit the model's input.

        A sentence that alone is too long becomes a passage of its own, which
        ``run`` splits into clauses like any other long input.
        """
        joiner = "" if any(HAN.search(s) for s in sentences) else " "
        passages: list[str] = []
        current = ""
        for sentence in sentences:
            candidate = current + joiner + sentence if current else sentence
            if current and self.token_count(candidate) > self.input_limit:
                passages.append(current)
                candidate = sentence
            current = candidate
        return passages + [current]


def prompt_template(path: str) -> str:
    """The template in ``path`` ("" → the text alone)."""
    if not path:
        return "{text}"
    try:
        return Path(path).read_text(encoding="utf-8").strip("\n")
    except OSError as err:
        raise BriefsError(f"prompt template {path}: {err.strerror}") from None


def fill(template: str, text: str) -> str:
    # str.format would trip over braces in the article text.
    return template.replace("{text}", text)
