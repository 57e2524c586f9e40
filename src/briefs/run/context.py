"""What every part of a run shares: made once by ``run_command``, handed to the executor and the output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..cache import Cache
from ..config import Config
from ..pipeline.briefer import Briefer
from ..pipeline.tools import Options
from .progress import Progress
from .report import RunReport


@dataclass(frozen=True)
class RunContext:
    """Where a run writes, what it was asked for, and who hears of it; the report fills in as the run goes."""

    out: Path
    config: Config
    options: Options
    progress: Progress
    report: RunReport
    warn: Callable[[str], None]

    def briefer(self, cache: Cache | None = None) -> Briefer:
        """The run's briefer, over ``cache`` (by default the user's)."""
        return Briefer(self.config, self.options, self.warn, cache)
