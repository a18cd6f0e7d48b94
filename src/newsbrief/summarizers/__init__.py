"""Summarizers, chosen by name (as spaCy's registry): ``get_summarizer("lead")``.

Add one by subclassing :class:`Summarizer` and decorating it with ``@register("name")``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsbrief.registry import Registry
from newsbrief.summarizers.base import Budget, Summarizer

__all__ = ["SUMMARIZERS", "Budget", "Summarizer", "available", "get_summarizer", "register", "summarizer_class"]

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


SUMMARIZERS: Registry[type[Summarizer]] = Registry("summarizer", _BUILTIN_MODULES)


def register(name: str, **meta: object) -> Callable[[type[Summarizer]], type[Summarizer]]:
    def decorator(cls: type[Summarizer]) -> type[Summarizer]:
        cls.name = name
        return SUMMARIZERS.register(name, **meta)(cls)

    return decorator


def available() -> list[str]:
    return SUMMARIZERS.names()


def summarizer_class(name: str) -> type[Summarizer]:
    return SUMMARIZERS.get(name)


def get_summarizer(name: str, **kwargs: Any) -> Summarizer:
    return summarizer_class(name)(**kwargs)
