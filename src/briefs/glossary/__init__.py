"""Fixed English for terms and names, enforced on every translation; pinyin for names not listed. Pure text."""
