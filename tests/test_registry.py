import subprocess
import sys

import pytest

from newsbrief.errors import UsageError
from newsbrief.registry import Registry
from newsbrief.render import RENDERERS
from newsbrief.summarizers import SUMMARIZERS


def test_unknown_name_is_a_usage_error_listing_the_names() -> None:
    shapes: Registry[str] = Registry("shape", {"circle": "newsbrief.no_such_module"})
    shapes.register("square", sides=4)("□")
    with pytest.raises(UsageError, match=r"unknown shape 'hexagon'; available: circle, square"):
        shapes.get("hexagon")
    assert shapes.get("square") == "□"
    assert shapes.meta("square") == {"sides": 4}
    assert "circle" in shapes and "hexagon" not in shapes


def test_builtins_are_listed_before_and_loaded_on_first_lookup() -> None:
    check = (
        "import sys; from newsbrief.summarizers import SUMMARIZERS; from newsbrief.render import RENDERERS\n"
        "assert 'lead' in SUMMARIZERS.names() and 'newsbrief.summarizers.lead' not in sys.modules\n"
        "assert SUMMARIZERS.get('lead').name == 'lead' and 'newsbrief.summarizers.lead' in sys.modules\n"
        "assert 'html' in RENDERERS.names() and 'newsbrief.render.html' not in sys.modules\n"
        "assert RENDERERS.get('html').__module__ == 'newsbrief.render.html'\n"
    )
    subprocess.run([sys.executable, "-c", check], check=True)
    assert SUMMARIZERS.get("lead").name == "lead"
    assert RENDERERS.get("markdown").__module__ == "newsbrief.render.markdown"


def test_every_pluggable_kind_is_one_registry() -> None:
    from newsbrief.analyse import ANALYSERS
    from newsbrief.eval.datasets import READERS
    from newsbrief.ingest.formats import FORMATS

    for registry in (SUMMARIZERS, RENDERERS, ANALYSERS, FORMATS, READERS):
        assert isinstance(registry, Registry)
    with pytest.raises(UsageError, match=r"unknown input format 'pdf'; available: csv, feed, html"):
        FORMATS.get("pdf")
    with pytest.raises(UsageError, match=r"unknown dataset format 'xml'; available: duc, jsonl, multinews"):
        READERS.get("xml")
    assert list(READERS) == ["jsonl", "multinews", "duc"]  # registration order
