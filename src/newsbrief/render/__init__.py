"""Renderers, chosen by name: ``render(brief, "markdown")``."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from newsbrief.errors import UsageError
from newsbrief.model import Brief

Renderer = Callable[[Brief], str]

_RENDERERS: dict[str, str] = {
    "markdown": "newsbrief.render.markdown",
    "json": "newsbrief.render.json",
    "html": "newsbrief.render.html",
}


def formats() -> list[str]:
    return sorted(_RENDERERS)


def get_renderer(name: str) -> Renderer:
    if name not in _RENDERERS:
        raise UsageError(f"unknown format {name!r}; available: {', '.join(formats())}")
    return importlib.import_module(_RENDERERS[name]).render


def render(brief: Brief, fmt: str = "markdown") -> str:
    return get_renderer(fmt)(brief)
