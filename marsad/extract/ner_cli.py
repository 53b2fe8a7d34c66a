"""``marsad ner``: tag a CoNLL file with the packaged NER tagger, or score it against the file's own tags."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.errors import MarsadError
from marsad.extract.tagger import (
    ConllSentence,
    Tagger,
    format_conll,
    format_scores,
    load_tagger,
    read_conll,
    score_entities,
)

app = typer.Typer(help="Named-entity tagger (BIO with PER/ORG/LOC/MISC) on CoNLL files.", no_args_is_help=True)

ConllFile = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="one token per line")]
ModelOption = Annotated[
    Optional[Path], typer.Option("--model", file_okay=False, help="a model folder (default: the packaged model)")
]


def _tagger_and_sentences(path: Path, model: Path | None) -> tuple[Tagger, list[ConllSentence]]:
    """The tagger and the file's sentences, or exit with the error on one line."""
    try:
        with path.open(encoding="utf-8-sig") as lines:
            return load_tagger(model), list(read_conll(lines, str(path)))
    except MarsadError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


@app.command()
def tag(
    file: ConllFile,
    out: Annotated[Optional[Path], typer.Option("--out", help="write here instead of stdout")] = None,
    model: ModelOption = None,
) -> None:
    """Write token<TAB>predicted-tag lines in the file's layout (a second column, if any, is ignored)."""
    tagger, sentences = _tagger_and_sentences(file, model)
    with out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout) as stream:
        for sentence, tags in zip(sentences, tagger.tag_corpus([s.words for s in sentences]), strict=True):
            stream.write(format_conll(sentence, tags))


@app.command("eval")
def evaluate(file: ConllFile, model: ModelOption = None) -> None:
    """Print exact-match P/R/F1 per entity type and micro-averaged, with the file's second column as gold."""
    tagger, sentences = _tagger_and_sentences(file, model)
    if any(sentence.gold is None for sentence in sentences):
        typer.echo(f"error: {file} has no gold tag column", err=True)
        raise typer.Exit(1)
    predicted = tagger.tag_corpus([s.words for s in sentences])
    typer.echo(format_scores(score_entities([sentence.gold for sentence in sentences], predicted)))
