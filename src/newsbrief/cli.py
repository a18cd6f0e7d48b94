"""The ``newsbrief`` command: parses arguments, calls the API, maps errors to exit codes."""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading
from collections.abc import Sequence

from newsbrief import __version__
from newsbrief.commands import COMMAND_MODULES
from newsbrief.errors import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, NewsbriefError


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``chosen`` (a command's name) that command's options only:
    each command module is imported to build its options, and some import heavy libraries
    (the store imports SQLAlchemy, ~0.3 s), so ``newsbrief brief`` does not pay for ``track``.
    The other names stay valid choices, so a usage error still lists every command."""
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Turn many articles about one story into a faithful, cited briefing.",
        epilog="Run 'newsbrief COMMAND --help' for each command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"newsbrief {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in COMMAND_MODULES.items():
        if chosen is not None and name != chosen:
            commands.add_parser(name)
            continue
        module = importlib.import_module(module_name)
        sub = commands.add_parser(
            name, help=module.HELP, description=module.DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends a run as Ctrl-C does: workers stopped, output consistent


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # the top-level parser has no option taking a value, so a command is always the first word
    chosen = arguments[0] if arguments and arguments[0] in COMMAND_MODULES else None
    args = build_parser(chosen).parse_args(arguments)  # exits 2 on usage errors
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if in_main_thread else None
    try:
        return int(args.run(args))
    except NewsbriefError as exc:
        print(f"newsbrief: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK  # the reader went away (e.g. `| head`): not a failure
    except Exception as exc:  # the last line of defence: one line, not a traceback
        print(f"newsbrief: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
