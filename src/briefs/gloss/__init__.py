"""The offline dictionary translator: CC-CEDICT, the lexicon, senses, words, the rules, English assembly, and the glosser that runs them."""
