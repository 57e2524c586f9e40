"""briefs: Chinese regional news pages in, English Markdown briefs out."""

__version__ = "0.1.0"
