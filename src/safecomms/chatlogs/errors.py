"""The one exception the chat log readers raise."""

from __future__ import annotations


class ChatLogError(ValueError):
    """A file that cannot be read as a chat log, with a message fit to show the person uploading it.

    Every reader in :mod:`safecomms.chatlogs` turns bad input (not an export, a hostile archive, a
    wrong encoding, an unreadable date) into this one type, so callers need a single ``except``.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
