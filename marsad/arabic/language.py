"""Language identification per document, offline (py3langid)."""

from __future__ import annotations

from functools import cache

import regex

UNDETERMINED = "und"
SAMPLE_CHARS = 1500
_LETTER = regex.compile(r"\p{L}")


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def identify_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when it has no letters."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample[:200])) < 3 and len(_LETTER.findall(sample)) < 3:
        return UNDETERMINED
    language, _score = _identifier().classify(sample)
    return str(language)
