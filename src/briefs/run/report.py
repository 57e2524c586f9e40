"""What a run did, counted as it goes and said in one closing line."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pipeline.tools import Usage


@dataclass
class RunReport:
    briefs: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "<file> article <n>: <reason>" (Ray runs)
    translated: int = 0
    cached: int = 0
    cut: int = 0  # model outputs stopped by max_new_tokens (the guard then retried them)
    seconds: float = 0.0
    retried: int = 0  # Ray worker calls sent again because their worker died
    nodes: dict[str, int] = field(default_factory=dict)  # Ray node → articles its workers briefed

    def add(self, usage: Usage) -> None:
        self.translated += usage.translated
        self.cached += usage.cached
        self.cut += usage.cut

    def closing_line(self) -> str:
        return (
            f"{self.briefs} briefs written, {len(self.skipped)} files skipped, "
            + (f"{len(self.failed)} articles failed, " if self.failed else "")
            + f"{self.translated} sentences translated, {self.cached} served from cache, {self.seconds:.1f}s"
            + (f"; {self.cut} model outputs reached translator.max_new_tokens (raise it to avoid retries)" if self.cut else "")
            + (f"; {self.retried} worker {'call' if self.retried == 1 else 'calls'} retried after a worker died" if self.retried else "")
            + ("; articles per node: " + ", ".join(f"{node} {n}" for node, n in self.nodes.items()) if self.nodes else "")
        )
