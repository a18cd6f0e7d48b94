"""CLI subcommands, one module each, every one a thin layer over the Python API.

A command module exposes ``HELP`` (one line), ``DESCRIPTION`` (the ``--help`` text),
``add_arguments(parser)`` and ``run(args) -> int`` (an exit code from
:mod:`newsbrief.errors`).
"""

COMMAND_MODULES: dict[str, str] = {
    "brief": "newsbrief.commands.brief",
    "extract": "newsbrief.commands.extract",
    "cluster": "newsbrief.commands.cluster",
    "batch": "newsbrief.commands.batch",
    "eval": "newsbrief.commands.eval",
    "serve": "newsbrief.commands.serve",
    "track": "newsbrief.commands.track",
    "stories": "newsbrief.commands.stories",
    "story": "newsbrief.commands.story",
    "export": "newsbrief.commands.export",
}
