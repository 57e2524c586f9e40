"""Bytes or files → Document: decoding, the page layouts, sentences; and the rules of Chinese text they share (marks, surnames, words). Pure text: imports no engine, model or torch."""
