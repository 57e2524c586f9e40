"""The rules of Chinese text the whole package uses: marks, spaces, sentences, script, words, surnames, dates, datelines. Pure text: imports no reader, engine, model or torch."""
