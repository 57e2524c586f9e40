"""The gloss engine: word-by-word English from CC-CEDICT, offline and deterministic.

No substitute for a neural model (the brief says so), but it lets a reader
with no model and no network see what an article is about. The glossing
itself is ``briefs.gloss.glosser``; this module is the Translator around it:
settings, the identity, and loading on first use. Pure text: no torch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Self, Sequence

from ..files import file_digest
from ..gloss import lexicon
from ..gloss.cedict import bundled_path
from ..gloss.glosser import Glosser
from ..gloss.rules import ALL_FEATURES, GlossFeatures
from ..glossary.terms import Glossary

if TYPE_CHECKING:
    from ..config import Config, ModelConfig

# 0.2: the rules of GlossFeatures after possessives, and the general lexicon.
# 0.3: dictionary notes never shown ("refers to …", "variant of …"); idioms and policy phrases.
# 0.4: places by their names ("Zhejiang Province"), organisations by their English names, serial names.
VERSION = "0.4"


class GlossTranslator:
    """Translator protocol: Chinese sentences in, glossed English out."""

    def __init__(
        self,
        *,
        glossary_paths: Sequence[str | Path] = (),
        include_default_glossary: bool = True,
        cache_dir: str | Path | None = None,
        features: GlossFeatures = ALL_FEATURES,
    ):
        self.glossary_paths = tuple(Path(p) for p in glossary_paths)
        self.include_default_glossary = include_default_glossary
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.features = features
        self._identity: str | None = None
        self._glossary: Glossary | None = None
        self._glosser: Glosser | None = None

    @classmethod
    def from_config(cls, settings: ModelConfig, config: Config) -> Self:
        """Every engine's constructor (``engines.EngineClass``): the gloss needs only the user's term lists."""
        return cls(glossary_paths=config.glossary.files)

    @property
    def identity(self) -> str:
        # Hashes the dictionary file without parsing it: a run whose
        # sentences are all cached never loads the dictionary.
        if self._identity is None:
            glossary = self._load_glossary()
            parts = [
                "engine:gloss",
                f"dict:cedict@{file_digest(bundled_path())}",
                f"lexicon:{lexicon.default(self.features.general_lexicon).digest}",
                f"glossary:{glossary.identity if glossary is not None else 'none'}",
            ]
            if self.features.tag():
                parts.append(f"rules:{self.features.tag()}")
            self._identity = "|".join(parts + [f"v:{VERSION}"])
        return self._identity

    def translate(self, sentences: Sequence[str]) -> list[str]:
        glosser = self._load()
        return [glosser.gloss(sentence) for sentence in sentences]

    def _load(self) -> Glosser:
        if self._glosser is None:
            self._glosser = Glosser.load(self._load_glossary(), self.features, cache_dir=self.cache_dir)
        return self._glosser

    def _load_glossary(self) -> Glossary | None:
        if self._glossary is None and (self.glossary_paths or self.include_default_glossary):
            self._glossary = Glossary.load(self.glossary_paths, include_default=self.include_default_glossary)
        return self._glossary
