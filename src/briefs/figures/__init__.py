"""Quantities: find every figure in a sentence, read it in English, hold a translation to it. Pure text."""
