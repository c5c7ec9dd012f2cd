"""Exit codes, messages and the command list: what the CLI needs before anything heavy."""

from __future__ import annotations

import sys

from argmap._errors import (
    ArgmapError,
    FormatError,
    ParseError,
    RenderError,
    UnsafeInputError,
    WriteError,
)

__all__ = [
    "COMMANDS",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "exit_code",
    "say",
    "shell_message",
]

#: The commands with their one-line help, in the order ``argmap --help`` lists them.
COMMANDS: dict[str, str] = {
    "convert": "convert maps from one format to another",
    "validate": "check maps against the AIF rules",
    "info": "summarise maps",
    "render": "draw a map (SVG, PNG, JPEG, DOT or the HTML reader view)",
    "formats": "list the formats argmap reads and writes",
    "evaluate": "which propositions are acceptable (IN / OUT / UNDEC) under a semantics",
    "compare": "agreement of two annotations of the same text (kappa, CASS, diff)",
    "lint": "structural warnings for annotators (unsupported claims, missing schemes, ...)",
    "export": "training data: token tags, relation pairs, JSON lines",
}

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130


def say(kind: str, message: str) -> None:
    """Write ``argmap: KIND: MESSAGE`` to standard error."""
    print(f"argmap: {kind}: {message}", file=sys.stderr)


def exit_code(exc: BaseException) -> int:
    """The documented exit code for an error."""
    if isinstance(exc, FormatError):
        return EXIT_USAGE
    if isinstance(exc, (WriteError, RenderError)):
        return EXIT_OUTPUT
    if isinstance(exc, (ParseError, UnsafeInputError, ArgmapError)):
        return EXIT_INPUT
    return EXIT_INPUT


# Messages of the Python API name keyword arguments; the shell user needs the options.
_SHELL_HINTS = (
    ("pass trust_dtd=True, or --trust-dtd,", "use --trust-dtd"),
    ("; pass format=", "; use --from FORMAT"),
    ("pass format=", "use --from FORMAT"),
    ("pass trust_dtd=True", "use --trust-dtd"),
)


def shell_message(exc: BaseException) -> str:
    """The message of ``exc``, with hints written as command-line options."""
    text = str(exc)
    for python, shell in _SHELL_HINTS:
        text = text.replace(python, shell)
    return text
