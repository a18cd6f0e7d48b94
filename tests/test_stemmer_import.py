"""textsim loads NLTK's Porter stemmer without ``nltk/__init__`` (1.4 s of scipy.stats imports);
it must be the very same stemmer and leave a later ``import nltk`` working."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from pathlib import Path
from newsbrief import textsim
assert "nltk" not in sys.modules and "scipy.stats" not in sys.modules, "nltk package was imported"
words = set()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    words |= set(textsim.words(path.read_text(encoding="utf-8")))
import nltk  # a full import afterwards still works
from nltk.stem.porter import PorterStemmer
reference = PorterStemmer()
differ = [w for w in words if textsim.stem(w) != reference.stem(w)]
assert not differ, differ[:10]
assert hasattr(nltk, "collocations")
print(len(words))
"""


def test_fast_porter_import_is_the_same_stemmer(example_dir):
    command = [sys.executable, "-c", CHECK, str(example_dir)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 1000
