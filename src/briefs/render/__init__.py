"""Brief → Markdown, JSON sidecar, index; Document → readable outline. Pure text, deterministic."""
