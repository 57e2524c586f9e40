"""The offline dictionary translator's resources and rules: CC-CEDICT, the lexicon, senses, words, English assembly."""
