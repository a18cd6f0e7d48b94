"""Exceptions and the exit codes the CLI maps them to (scripts rely on these)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1  # unexpected internal error
EXIT_USAGE = 2  # bad usage, or no usable input at all
EXIT_INTERRUPTED = 130


class NewsbriefError(Exception):
    """Base class for errors newsbrief reports as one clear line (no traceback)."""


class InputError(NewsbriefError):
    """An input that cannot be used. ``source`` names it (a path, ``<stdin>``, ``file:line``)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NoUsableInput(NewsbriefError):
    """Every input was skipped; nothing is left to brief."""


class UsageError(NewsbriefError):
    """A bad option value or combination."""
