"""`briefs eval`: translate a test set with each engine and score it with sacrebleu."""
