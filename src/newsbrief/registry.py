"""One typed registry for every piece chosen by name: summarizers, renderers, analysers, input
formats and evaluation dataset readers.

``register(name, **meta)`` is a decorator that adds an entry with optional metadata. Built-ins
are named with the module that registers them and imported on the first lookup, so that
``import newsbrief`` stays fast and optional dependencies (sumy) load only when asked for.
``get(name)`` (or ``registry[name]``) raises a :class:`~newsbrief.errors.UsageError` that lists
the known names. A registry may be given a ``check`` that every new entry must pass (the
analysers' declared ``requires`` / ``assigns``). Iterating gives the names in registration order
(built-ins not yet imported last, in the order given), which is the analysers' run order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

from newsbrief.errors import UsageError

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries of one kind by name; ``kind`` names them in errors ("unknown summarizer 'x'")."""

    def __init__(
        self,
        kind: str,
        builtins: Mapping[str, str] | None = None,
        check: Callable[[Registry[T], str, T], None] | None = None,
    ) -> None:
        self.kind = kind
        self._builtins = dict(builtins or {})  # name -> module whose import registers it
        self._entries: dict[str, T] = {}
        self._meta: dict[str, dict[str, object]] = {}
        self._check = check

    def register(self, name: str, **meta: object) -> Callable[[T], T]:
        def decorator(entry: T) -> T:
            if self._check is not None:
                self._check(self, name, entry)
            self._entries[name] = entry
            self._meta[name] = dict(meta)
            return entry

        return decorator

    def names(self) -> list[str]:
        """Every known name, registered or built in (not yet imported), sorted."""
        return sorted(set(self._entries) | set(self._builtins))

    def get(self, name: str) -> T:
        if name not in self._entries and name in self._builtins:
            importlib.import_module(self._builtins[name])
        if name not in self._entries:
            raise UsageError(f"unknown {self.kind} {name!r}; available: {', '.join(self.names())}")
        return self._entries[name]

    def meta(self, name: str) -> Mapping[str, object]:
        """The metadata ``name`` was registered with."""
        self.get(name)
        return self._meta[name]

    def registered(self) -> dict[str, T]:
        """The entries registered so far, in registration order (built-ins not imported are not in it)."""
        return dict(self._entries)

    def unregister(self, name: str) -> None:
        """Remove an entry (a plug-in's test cleaning up after itself)."""
        self._entries.pop(name, None)
        self._meta.pop(name, None)

    __getitem__ = get

    def __iter__(self) -> Iterator[str]:
        yield from self._entries
        yield from (name for name in self._builtins if name not in self._entries)

    def __len__(self) -> int:
        return len(set(self._entries) | set(self._builtins))

    def __contains__(self, name: object) -> bool:
        return name in self._entries or name in self._builtins
