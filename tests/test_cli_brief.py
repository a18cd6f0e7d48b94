"""``newsbrief brief`` end to end: bad inputs, usage errors, lengths, JSON schema, atomic output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.cli import main
from newsbrief.fileio import write_atomic

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "src/newsbrief/schema/brief.schema.json").read_text())
NAMES = ["a.txt", "a.html", "a.json", "a.jsonl", "a.src", "noext"]
GOOD = (
    "Kerry and Lavrov meet in Paris\n\nUS Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "brief", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the one stderr line must contain)."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Kiev talks\n\nMinister said caf\xe9 talks failed.".encode("latin-1"))
    with (tmp_path / "huge.txt").open("wb") as handle:  # 50 MB of plain text
        handle.write(b"Talks in Paris failed again today. " * (50 * 1024 * 1024 // 35 + 1))
    (tmp_path / "broken.html").write_text("<html><body><div><p>unclosed <b><<<>>> <script>x(</html")
    (tmp_path / "no-articles").mkdir()
    (tmp_path / "no-articles" / ".hidden.txt").write_text(GOOD)
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "empty": (tmp_path / "empty.txt", "empty"),
        "binary": (tmp_path / "binary.txt", "binary"),
        "undecodable": (tmp_path / "latin1.txt", "not valid UTF-8"),
        "huge": (tmp_path / "huge.txt", "larger than"),
        "malformed-html": (tmp_path / "broken.html", "HTML"),
        "empty-directory": (tmp_path / "no-articles", "no files"),
    }


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    return make_bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize(
    "case", ["missing", "empty", "binary", "undecodable", "huge", "malformed-html", "empty-directory"]
)
def test_a_bad_input_alone_exits_2_with_one_line_naming_it(bad_inputs, case):
    path, problem = bad_inputs[case]
    result = run_cli(str(path), "--no-analysis")
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.stderr


def test_bad_inputs_next_to_a_good_article_are_warnings_and_the_brief_is_made(bad_inputs, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    paths = [str(path) for path, _ in bad_inputs.values()]
    result = run_cli(*paths, str(good))
    assert result.returncode == 0, result.stderr
    assert "John Kerry met Russian Foreign Minister Sergei Lavrov" in result.stdout
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(paths)
    for line, path in zip(warnings, paths, strict=True):
        assert line.startswith("newsbrief: warning: ") and path in line
    assert "Traceback" not in result.stderr


def test_stdin_dash(tmp_path):
    result = run_cli("-", "--no-analysis", "--format", "json", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr
    (source,) = json.loads(result.stdout)["sources"]
    assert source["path"] == "<stdin>" and source["title"] == "Kerry and Lavrov meet in Paris"


@pytest.mark.parametrize(
    ("arguments", "loaded"),
    [
        (["--no-analysis", "--summarizer", "lead"], []),
        # the default summarizer solves its program with highspy, never through scipy.optimize
        ([], ["highspy"]),
    ],
    ids=["lead", "default"],
)
def test_brief_loads_only_what_a_brief_needs(arguments, loaded):
    """A cold ``newsbrief brief`` builds only its own options: the store's SQLAlchemy is not
    loaded, scipy.optimize never, and the solver only by a summarizer that solves (cold start)."""
    probe = (
        "import sys; from newsbrief.cli import main; "
        f"main(['brief', '-', *{arguments!r}]); "
        "print(sorted(m for m in ('sqlalchemy', 'scipy.optimize', 'newsbrief.store', 'highspy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], input=GOOD, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(loaded)


def test_every_command_is_still_listed_and_a_wrong_one_named(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["brif"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'brif'" in err and "'export'" in err and "'track'" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--words", "abc"],
        ["--words", "0"],
        ["--words", "-5"],
        ["--words", "100", "--sentences", "3"],
        ["--format", "yaml"],
        ["--support-threshold", "5"],
        ["--support-min-terms", "-1"],
        [],
    ],
)
def test_usage_errors_exit_2(example_dir, args, capsys):
    argv = ["brief", *args] + ([str(example_dir)] if args else [])
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse reports usage errors by exiting
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


@pytest.mark.parametrize("words", [50, 100, 300])
def test_word_budget_is_respected(example_dir, words, capsys):
    assert main(["brief", str(example_dir), "--words", str(words), "--format", "json", "--no-analysis"]) == 0
    data = json.loads(capsys.readouterr().out)
    total = sum(len(item["text"].split()) for item in data["summary"])
    assert 0 < total <= words and data["words"] == total


def test_sentence_budget_is_respected(example_dir, capsys):
    assert main(["brief", str(example_dir), "--sentences", "3", "--format", "json", "--no-analysis"]) == 0
    assert len(json.loads(capsys.readouterr().out)["summary"]) == 3


@pytest.mark.parametrize("extra", [["--no-analysis"], []])
def test_json_output_follows_the_schema(example_dir, extra, capsys):
    assert main(["brief", str(example_dir), "--format", "json", *extra]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    ids = {source["id"] for source in data["sources"]}
    assert ids == {1, 2, 3, 4, 5}
    for item in data["summary"]:
        assert set(item["sources"]) <= ids


def test_schema_rejects_a_summary_without_sources():
    bad = {"schema_version": "1", "summarizer": "x", "sources": [], "scores": [], "warnings": []}
    bad["summary"] = [{"text": "x", "sources": []}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_output_file_is_written_and_not_touched_on_error(example_dir, tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert main(["brief", str(example_dir), "--no-analysis"]) == 0
    printed = capsys.readouterr().out
    assert main(["brief", str(example_dir), "-o", str(out), "--no-analysis"]) == 0
    assert out.read_text() == printed and capsys.readouterr().out == ""
    before = out.read_text()
    assert main(["brief", str(tmp_path / "missing.txt"), "-o", str(out), "--no-analysis"]) == 2
    assert out.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]  # no temporary files left


def test_unwritable_output_is_one_clear_error(example_dir, tmp_path, capsys):
    target = tmp_path / "no-such-dir" / "brief.md"
    assert main(["brief", str(example_dir), "-o", str(target), "--no-analysis"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and str(target) in err


def test_write_atomic_leaves_no_partial_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(str(target), "new text \ud800 cannot be encoded")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


LINES = [
    "Kerry met Lavrov in Paris on Sunday.",
    "Mr. Lavrov said the U.S. plan was not suitable.",
    "Share this article",
    "Comment number 3.",
    "3.8 C",
    "New York",
    "• Nato will hold talks",
    '{"text": "x"}',
    "|||||",
    "<p>Talks</p>",
    "",
]
PAGES = st.lists(st.sampled_from(LINES), max_size=20).map(lambda lines: "\n".join(lines).encode())


def test_stdin_over_the_size_limit_is_refused_without_reading_it_all():
    result = run_cli("-", "--max-bytes", "100", "--no-analysis", stdin=(GOOD * 10).encode())
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "<stdin>" in result.stderr and "larger than" in result.stderr


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600) | st.text(max_size=600).map(str.encode) | PAGES, name=st.sampled_from(NAMES))
def test_any_file_gives_a_brief_or_a_clear_error_never_a_crash(tmp_path, capsys, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["brief", str(path), "--no-analysis", "--format", "json"])
    err = capsys.readouterr().err
    assert code in (0, 2), err
    assert "internal error" not in err and "Traceback" not in err
    if code == 2:
        assert len(err.splitlines()) == 1 and str(path) in err
