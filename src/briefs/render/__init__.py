"""Brief → Markdown, JSON sidecar; run-wide outputs (index); Document → readable outline. Pure text, deterministic."""
