"""The command line: a thin layer that turns flags into Settings and calls the library.

This is the only place that catches MarsadError: problems with single inputs
are printed one line each on stderr and recorded in the manifest; the batch
goes on.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from marsad.errors import MarsadError
from marsad.extract.ner_cli import app as ner_app
from marsad.runner import Outcome
from marsad.settings import load_settings

app = typer.Typer(
    name="marsad",
    help="Arabic news analysis: clean text, entities, figures, dates, attributions, claims and events, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
app.add_typer(ner_app, name="ner")


def _field_overrides(fields: list[str]) -> dict[str, str]:
    mapping = {}
    for item in fields:
        name, sep, source = item.partition("=")
        if not sep or not name or not source:
            raise typer.BadParameter(f"expected NAME=FIELD, got {item!r}", param_hint="--field")
        mapping[name.strip()] = source.strip()
    return mapping


def _reference_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--date") from None


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .html, .htm, .jsonl, .jsonl.gz) and folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for analysis.json, report.html, manifest.jsonl.")],
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (TOML).")] = None,
    reference_date: Annotated[
        Optional[str], typer.Option("--date", help="Date (YYYY-MM-DD) for relative times in undated documents.")
    ] = None,
    field: Annotated[
        list[str], typer.Option("--field", help="JSONL field mapping NAME=FIELD, e.g. --field text=body (repeatable).")
    ] = [],  # noqa: B006 - typer needs a literal default
    report: Annotated[bool, typer.Option("--report/--no-report", help="Write report.html.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary; problems are still listed.")] = False,
) -> None:
    """Analyse Arabic news articles into OUT/analysis.json, OUT/report.html and OUT/manifest.jsonl."""
    from marsad.analysis import run_analysis

    try:
        overrides: dict[str, object] = {"jobs": jobs, "report_html": report, "reference_date": _reference_date(reference_date)}
        settings = load_settings(config, **overrides)
        if field:
            settings = settings.replace(jsonl_fields=tuple((settings.field_map | _field_overrides(field)).items()))
    except MarsadError as error:
        err.print(f"marsad: {error}", markup=False)
        raise typer.Exit(2) from None

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]analysing"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )

    def report_outcome(outcome: Outcome) -> None:
        if outcome.problem is not None:
            progress.console.print(f"marsad: {outcome.problem.describe()}", markup=False, highlight=False)
        progress.advance(task)
        elapsed = progress.tasks[task].elapsed or 0.0
        done = progress.tasks[task].completed
        if elapsed > 0:
            progress.update(task, rate=f"{done / elapsed:.0f} docs/s")

    with progress:
        task = progress.add_task("analysing", total=None, rate="")
        try:
            summary = run_analysis(paths, out, settings, on_outcome=report_outcome)
        except MarsadError as error:
            err.print(f"marsad: {error}", markup=False)
            raise typer.Exit(2) from None

    if summary.done == 0:
        err.print(
            f"marsad: no document could be analysed ({summary.skipped} skipped, {summary.failed} failed); "
            f"see {out / 'manifest.jsonl'}",
            markup=False,
        )
        raise typer.Exit(1)
    if not quiet:
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(summary.languages.items()))
        err.print(
            f"marsad: {summary.done} analysed ({languages}), {summary.skipped} skipped, {summary.failed} failed "
            f"-> {out / 'analysis.json'}",
            markup=False,
        )


@app.command()
def validate(
    analysis: Annotated[Path, typer.Argument(help="An analysis.json to check against the contract.")],
) -> None:
    """Check an analysis.json against the contract schema and its stand-off offsets."""
    from marsad.report.validate import validate_file

    problems = validate_file(analysis)
    for problem in problems[:50]:
        err.print(f"marsad: {problem}", markup=False)
    if problems:
        err.print(f"marsad: {len(problems)} problem(s) in {analysis}", markup=False)
        raise typer.Exit(1)
    err.print(f"marsad: {analysis} is valid", markup=False)


@app.command()
def export(
    analysis: Annotated[Path, typer.Argument(help="An output folder of 'marsad analyze', or its analysis.json.")],
    section: Annotated[
        Optional[str], typer.Option("--section", help="Print only this section (documents, entities, mentions, ...).")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One record per line (with --section).")] = False,
) -> None:
    """Print an analysis (or one section of it) to stdout, for scripts and jq."""
    from marsad.report.export import SECTIONS, dumps

    path = analysis / "analysis.json" if analysis.is_dir() else analysis
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        err.print(f"marsad: cannot read {path}: {exc}", markup=False)
        raise typer.Exit(1) from None
    if section is None:
        sys.stdout.write(dumps(data) + "\n")
        return
    if section not in SECTIONS:
        err.print(f"marsad: no section {section!r}; sections: {', '.join(SECTIONS)}", markup=False)
        raise typer.Exit(2)
    records = data.get(section, [])
    sys.stdout.write("".join(dumps(r) + "\n" for r in records) if jsonl else dumps(records) + "\n")


# Host names a browser sends to a server on this machine (checked against DNS rebinding).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


@app.command()
def serve(
    analysis: Annotated[Path, typer.Argument(help="An output folder of 'marsad analyze' (or its analysis.json).")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse an analysis in a local web view (pages and a JSON API) at http://HOST:PORT/."""
    import uvicorn

    from marsad.web.app import create_app
    from marsad.web.corpus import Corpus

    try:
        corpus = Corpus.load(analysis)
    except MarsadError as error:
        err.print(f"marsad: {error}", markup=False)
        raise typer.Exit(2) from None
    if host not in LOOPBACK_HOSTS:
        err.print(f"marsad: serving on {host}: anyone who can reach this address can read the analysis", markup=False)
    err.print(f"marsad: {len(corpus.documents)} documents; open http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    web_app = create_app(corpus, allowed_hosts=LOOPBACK_HOSTS if host in LOOPBACK_HOSTS else ())
    uvicorn.run(web_app, host=host, port=port, log_level="warning")

def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
