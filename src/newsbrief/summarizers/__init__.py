"""Summarizers, chosen by name (as spaCy's registry): ``get_summarizer("lead")``.

Add one by subclassing :class:`Summarizer` and decorating it with ``@register("name")``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from newsbrief.errors import UsageError
from newsbrief.summarizers.base import Budget, Summarizer

__all__ = ["Budget", "Summarizer", "available", "get_summarizer", "register", "summarizer_class"]

_REGISTRY: dict[str, type[Summarizer]] = {}

# Modules that register the built-in summarizers; imported on first lookup so that
# ``import newsbrief`` stays fast and optional peers (sumy) load only when asked for.
_BUILTIN_MODULES = {
    "default": "newsbrief.summarizers.concepts",
    "salience": "newsbrief.summarizers.default",
    "lead": "newsbrief.summarizers.lead",
    "lexrank": "newsbrief.summarizers.sumy_peers",
    "textrank": "newsbrief.summarizers.sumy_peers",
    "oracle": "newsbrief.summarizers.oracle",
    "concepts": "newsbrief.summarizers.concepts",
    "concepts-salience": "newsbrief.summarizers.concepts",
    "submodular": "newsbrief.summarizers.submodular",
    "submodular-salience": "newsbrief.summarizers.submodular",
}


def register(name: str) -> Callable[[type[Summarizer]], type[Summarizer]]:
    def decorator(cls: type[Summarizer]) -> type[Summarizer]:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorator


def available() -> list[str]:
    return sorted(set(_REGISTRY) | set(_BUILTIN_MODULES))


def summarizer_class(name: str) -> type[Summarizer]:
    if name not in _REGISTRY and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    if name not in _REGISTRY:
        raise UsageError(f"unknown summarizer {name!r}; available: {', '.join(available())}")
    return _REGISTRY[name]


def get_summarizer(name: str, **kwargs: Any) -> Summarizer:
    return summarizer_class(name)(**kwargs)
