"""The core's one exception type and its subclasses."""


class ReaderError(Exception):
    """A failure the user can act on; the message is one sentence saying what to do."""


class ContentError(ReaderError):
    """The content folder cannot be loaded."""
