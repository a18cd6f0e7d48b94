"""Markdown for the terminal: the summary with ``[1][3]`` citation markers, then sources."""

from __future__ import annotations

from newsbrief.model import Article, Brief


def citation_markers(source_ids: list[int]) -> str:
    return "".join(f"[{i}]" for i in source_ids)


def source_line(article: Article) -> str:
    title = article.title_text or "(untitled)"
    outlet = f" — {article.outlet_name}" if article.outlet_name else ""
    published = f", {article.published.value}" if article.published else ""
    return f"{article.id}. {title}{outlet}{published} ({article.path})"


def _escape(text: str) -> str:
    # Source text is untrusted: keep it from opening Markdown links, images or HTML.
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")


def render(brief: Brief) -> str:
    lines = ["## Summary", ""]
    if brief.summary:
        lines += [f"{_escape(item.text)} {citation_markers(item.sources)}" for item in brief.summary]
    else:
        lines.append("(no sentence could be selected)")
    lines += ["", "## Sources", ""]
    lines += [source_line(article) for article in brief.sources]
    return "\n".join(lines) + "\n"
