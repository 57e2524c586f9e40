"""Bytes or files → Document: decoding, the page layouts, sentences. Pure text: imports no engine, model or torch."""
