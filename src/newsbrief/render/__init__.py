"""Renderers, chosen by name: ``render(brief, "markdown")``."""

from __future__ import annotations

from collections.abc import Callable

from newsbrief.model import Brief
from newsbrief.registry import Registry

Renderer = Callable[[Brief], str]

# Each module registers its ``render`` function; imported on first use (html is the heaviest).
RENDERERS: Registry[Renderer] = Registry(
    "format",
    {"markdown": "newsbrief.render.markdown", "json": "newsbrief.render.json", "html": "newsbrief.render.html"},
)


def formats() -> list[str]:
    return RENDERERS.names()


def get_renderer(name: str) -> Renderer:
    return RENDERERS.get(name)


def render(brief: Brief, fmt: str = "markdown") -> str:
    return get_renderer(fmt)(brief)
