"""A saved news web page or its text → Document: trafilatura for HTML, shared rules for the lines."""
