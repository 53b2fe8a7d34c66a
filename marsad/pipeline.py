"""The per-document stage: a pure function from a raw input to an analysed document.

Components are plain functions ``(doc, settings) -> annotations`` that fill one
layer. They are declared with :func:`component` (what they assign and what
they need) and named in :data:`COMPONENTS`, which maps each name to the
function's dotted path so that nothing is imported until a pipeline is built.
A pipeline whose needs are not met fails when it is built, not mid-batch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.document import Document
from marsad.errors import PipelineError
from marsad.settings import Settings

ComponentFunc = Callable[[Document, Settings], Iterable]

# name -> "module:function"; the order of a pipeline comes from the settings.
COMPONENTS: dict[str, str] = {
    "tokens": "marsad.arabic.layers:find_tokens",
    "sentences": "marsad.arabic.layers:find_sentences",
    "quantities": "marsad.arabic.numbers:find_quantities",
    "times": "marsad.arabic.dates:find_times",
    "mentions": "marsad.extract.entities:find_mentions",
    "attributions": "marsad.extract.attributions:find_attributions",
    "events": "marsad.extract.events:find_events",
    "origins": "marsad.extract.origins:find_document_origins",
}


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    name: str
    assigns: str
    requires: tuple[str, ...]
    arabic_only: bool
    setup: Callable[[Settings], object] | None = None


def component(
    name: str,
    *,
    assigns: str,
    requires: tuple[str, ...] = (),
    arabic_only: bool = True,
    setup: Callable[[Settings], object] | None = None,
) -> Callable[[ComponentFunc], ComponentFunc]:
    """Declare a function as a pipeline component that fills layer ``assigns``.

    ``setup`` loads what the component needs (a model, a table) when the
    pipeline is built, so a missing model stops the run before any input.
    """

    def mark(func: ComponentFunc) -> ComponentFunc:
        func.component_info = ComponentInfo(name, assigns, requires, arabic_only, setup)  # type: ignore[attr-defined]
        return func

    return mark


@dataclass(frozen=True, slots=True)
class Pipeline:
    steps: tuple[tuple[ComponentInfo, ComponentFunc], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(info.name for info, _ in self.steps)

    def __call__(self, doc: Document, settings: Settings) -> Document:
        for info, func in self.steps:
            if info.arabic_only and not doc.is_arabic:
                continue
            doc = doc.with_layer(info.assigns, func(doc, settings)).marked_done(info.name)
        return doc


def load_component(name: str) -> tuple[ComponentInfo, ComponentFunc]:
    try:
        module_name, func_name = COMPONENTS[name].split(":")
    except KeyError:
        known = ", ".join(COMPONENTS)
        raise PipelineError(f"unknown component {name!r}; known: {known}") from None
    module = importlib.import_module(module_name)
    func = getattr(module, func_name)
    info = getattr(func, "component_info", None)
    if not isinstance(info, ComponentInfo):
        raise PipelineError(f"{COMPONENTS[name]} is not declared with @component")
    return info, func


def build_pipeline(names: Iterable[str], settings: Settings | None = None) -> Pipeline:
    """Load the named components in order, checking that each one's needs come before it.

    With ``settings``, each component's setup runs too (models load, or fail, now).
    """
    steps = []
    assigned: set[str] = set()
    for name in names:
        info, func = load_component(name)
        missing = [need for need in info.requires if need not in assigned]
        if missing:
            raise PipelineError(f"component {name!r} needs {', '.join(missing)} earlier in the pipeline")
        if settings is not None and info.setup is not None:
            info.setup(settings)
        assigned.add(info.assigns)
        steps.append((info, func))
    return Pipeline(tuple(steps))
