"""`ImportResult`: what an import of annotations did, and its summary in one sentence."""

from __future__ import annotations

from dataclasses import dataclass

from reader.message import QT_TRANSLATE_NOOP, joined, message
from reader.notes.note import LayerName, Note
from reader.notes.w3c_model import LISTED, Skip, describe_skips

_ONE_AFTER_ANOTHER = QT_TRANSLATE_NOOP("core", "{first}; {rest}")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: notes added to `layer`, duplicates skipped, how many found no passage, what was skipped.

    `split` counts annotations on several passages (each became one note per passage); `skipped` counts every
    body and target the notes cannot hold, by kind.
    """

    layer: LayerName
    added: tuple[Note, ...]
    duplicates: int
    orphaned: int
    without_quote: int
    split: tuple[tuple[int, int], ...] = ()  # (passages, annotations with that many)
    skipped: tuple[tuple[Skip, int], ...] = ()
    left_out: tuple[tuple[Skip, int], ...] = ()  # why the annotations without a passage had none

    def summary(self) -> str:
        """What the import did, in one sentence (a message the window translates)."""
        one = len(self.added) == 1
        parts = [
            message(
                QT_TRANSLATE_NOOP("core", "Imported {count} note into the layer “{layer}”")
                if one
                else QT_TRANSLATE_NOOP("core", "Imported {count} notes into the layer “{layer}”"),
                count=len(self.added),
                layer=self.layer,
            )
        ]
        for passages, count in self.split:
            became = (
                QT_TRANSLATE_NOOP(
                    "core", "{count} annotation on {passages} passages became {notes} notes, one per passage"
                )
                if count == 1
                else QT_TRANSLATE_NOOP(
                    "core", "{count} annotations on {passages} passages became {notes} notes, one per passage"
                )
            )
            parts.append(message(became, count=count, passages=passages, notes=count * passages))
        if self.duplicates:
            parts.append(message(QT_TRANSLATE_NOOP("core", "{count} already there"), count=self.duplicates))
        if self.orphaned:
            parts.append(
                message(
                    QT_TRANSLATE_NOOP("core", "{count} whose passage was not found (kept as orphaned)"),
                    count=self.orphaned,
                )
            )
        if self.without_quote:
            reasons = joined(describe_skips(self.left_out, verb=False), LISTED)
            left_out = (
                QT_TRANSLATE_NOOP("core", "{count} without a quoted passage (left out: {reasons})")
                if reasons
                else QT_TRANSLATE_NOOP("core", "{count} without a quoted passage (left out)")
            )
            parts.append(message(left_out, count=self.without_quote, reasons=reasons))
        parts.extend(describe_skips(self.skipped))
        return message(QT_TRANSLATE_NOOP("core", "{said}."), said=joined(parts, _ONE_AFTER_ANOTHER))
