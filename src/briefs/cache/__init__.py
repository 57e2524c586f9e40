"""SQLite cache of translations and summaries, keyed by engine identity + settings + text.

A second run over the same input does no model work, an interrupted run
resumes from what was stored, and two runs at once share the file safely
(WAL journal, busy timeout and retries, one short transaction per batch). The
schema is versioned with numbered migrations applied on open, so a newer
briefs reads an older cache. Damage never stops a run: a damaged entry is a
miss, dropped and made again; a damaged file is said in one line, moved aside
as ``cache.sqlite3.corrupt-<UTC time>``, and a fresh one is used.
"""

from .cached import CachedSummarizer, CachedTranslator, CacheStats
from .connection import MIGRATIONS
from .damage import COMPANIONS, is_damage
from .store import CACHE_FILE, Cache, Health

__all__ = [
    "CACHE_FILE",
    "COMPANIONS",
    "MIGRATIONS",
    "Cache",
    "CacheStats",
    "CachedSummarizer",
    "CachedTranslator",
    "Health",
    "is_damage",
]
