"""Who relays whom: the sources behind a statement, and which of them are independent.

A document's attributions say that a source was relayed by intermediaries
(``قال فوتيل لبوليتيكو``: Politico relays Votel), and its origins say that the
whole document relays upstream reports. Sources are named by :class:`SourceKey`
until the cross-document stage knows entity ids. Relays are undirected edges
of one graph for the whole corpus; two sources are independent when no chain
of relays joins them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.arabic.normalise import fold
from marsad.corpus.entities import curated_entity_id
from marsad.document import Document, Reference

# The key of a source no entity stands for: this prefix and its folded name.
NAME_PREFIX = "name:"


@dataclass(frozen=True, slots=True)
class SourceKey:
    """A source as the worker can name it: a span of a document (to become an entity) or a folded name."""

    doc: str | None = None
    start: int | None = None
    end: int | None = None
    name: str = ""

    def resolve(self, mention_entity: dict[tuple[str, int, int], str]) -> str:
        """The entity id of the source: the one linking gave its span, else that of the curated
        entity its name is a spelling of (an origin credited as The New York Times is the
        entity mentioned as نيويورك تايمز), else ``name:<folded name>``."""
        if self.doc is not None and self.start is not None and self.end is not None:
            entity = mention_entity.get((self.doc, self.start, self.end))
            if entity is not None:
                return entity
        return curated_entity_id(self.name) or NAME_PREFIX + fold(self.name)


def reference_key(doc: Document, ref: Reference) -> SourceKey:
    """The key of a source or intermediary: the last mention inside its span (مصادر المرصد -> المرصد)."""
    if ref.start is not None and ref.end is not None:
        inside = [m for m in doc.mentions if ref.start <= m.start and m.end <= ref.end]
        if inside:
            last = inside[-1]
            return SourceKey(doc.id, last.start, last.end, doc.text[last.start : last.end])
    return SourceKey(name=ref.text)


def source_chain(doc: Document, source: SourceKey | None, via: Iterable[SourceKey] = ()) -> list[SourceKey]:
    """From a statement's source outwards: the source, its intermediaries, the reports the
    document relays (most upstream first), and the outlet that published it.

    Without an attributed source the chain starts at the document's most upstream
    report, or at its outlet: an unattributed statement is the outlet's own.
    """
    chain = [] if source is None else [source, *via]
    chain += [SourceKey(name=origin.name) for origin in doc.origins]
    chain.append(SourceKey(name=doc.meta.outlet or f"document {doc.id}"))
    return chain


class RelayGraph:
    """Directed relays between source ids (the relayer points at the source it passed on).

    A root source relays another when a chain of relays leads from it to the
    other; the independent roots of a claim are those that relay no other root.
    """

    MAX_DEPTH = 6

    def __init__(self) -> None:
        self._edges: dict[str, set[str]] = {}
        self._relayed_by: dict[str, set[str]] = {}

    def add_chain(self, chain: list[str]) -> None:
        """``chain[0]`` was relayed by ``chain[1]``, which was relayed by ``chain[2]`` ..."""
        for source, relayer in zip(chain, chain[1:]):
            if source != relayer:
                self._edges.setdefault(relayer, set()).add(source)
                self._relayed_by.setdefault(source, set()).add(relayer)

    def independent(self, roots: Iterable[str]) -> int:
        """How many of ``roots`` do not relay another of them, directly or through others.

        One backward search from all roots at once (linear in the relays walked,
        however many roots a claim has): each node keeps up to two roots it leads
        to, enough to know whether it leads to a root other than itself.
        """
        unique = set(roots)
        leads_to: dict[str, set[str]] = {root: set() for root in unique}
        passes_on = {root: {root} for root in unique}  # the roots a node leads to, itself included
        frontier = list(unique)
        for _ in range(self.MAX_DEPTH):
            next_frontier: list[str] = []
            for node in frontier:
                for relayer in self._relayed_by.get(node, ()):
                    known = leads_to.setdefault(relayer, set())
                    before = len(known)
                    known.update(list(passes_on[node] - known)[: 2 - before] if before < 2 else ())
                    if len(known) > before:
                        own = {relayer} if relayer in unique else set()
                        passes_on[relayer] = own | set(list(known - own)[: 2 - len(own)])
                        next_frontier.append(relayer)
            frontier = next_frontier
            if not frontier:
                break
        count = sum(1 for root in unique if not leads_to[root] - {root})
        return count or (1 if unique else 0)  # sources that all relay each other still make one
