"""Any sequence of adds, edits, deletes, undos and restarts leaves exactly the notes the reader expects."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from reader.content import ParagraphId, SectionId
from reader.notes.note import Anchor, Color, Note, Style
from reader.notes.store import NoteStore

_ANCHOR = Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians", "", " in Gaza")
_texts = st.text(max_size=40)
_tags = st.lists(st.text(min_size=1, max_size=8).filter(str.strip), max_size=3)


class NotesLifecycle(RuleBasedStateMachine):
    """Compares the store with a plain dict of what the reader has done."""

    added = Bundle("added")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="notes-stateful-"))
        self.store = NoteStore(self.folder)
        self.expected: dict[str, Note] = {}
        self.deleted: list[Note] = []

    @rule(target=added, text=_texts, tags=_tags, color=st.sampled_from(Color), style=st.sampled_from(Style))
    def add(self, text: str, tags: list[str], color: Color, style: Style) -> str:
        note = self.store.add(_ANCHOR, text=text, tags=tags, color=color, style=style)
        self.expected[note.id] = note
        return note.id

    @rule(note_id=added, text=_texts)
    def edit(self, note_id: str, text: str) -> None:
        if note_id in self.expected:
            self.expected[note_id] = self.store.update(note_id, text=text)

    @rule(note_id=added)
    def delete(self, note_id: str) -> None:
        if note_id in self.expected:
            self.deleted.append(self.store.delete(note_id))
            del self.expected[note_id]

    @rule()
    def undo_delete(self) -> None:
        if self.deleted:
            note = self.store.restore(self.deleted.pop())
            self.expected[note.id] = note

    @rule()
    def restart(self) -> None:
        self.store.close()
        self.store = NoteStore(self.folder)
        assert self.store.recovery_message is None

    @invariant()
    def store_holds_exactly_the_expected_notes(self) -> None:
        assert {note.id: note for note in self.store.notes()} == self.expected

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


NotesLifecycle.TestCase.settings = settings(max_examples=25, stateful_step_count=15, deadline=None)
test_notes_lifecycle = NotesLifecycle.TestCase
