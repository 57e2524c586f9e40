"""The ``briefs`` command: parses flags, calls the API, maps errors to exit codes. No logic here."""

from . import admin, pages, runs, translate
from .app import app

__all__ = ["app", "admin", "pages", "runs", "translate"]
