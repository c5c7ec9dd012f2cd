"""Sphinx extension for the argmap documentation.

Everything that could drift from the code is generated from the installed
package at build time:

``.. argmap-api::``
    The API reference of a public namespace (``argmap``, ``argmap.reasoning``,
    ...): one autodoc entry for every name in its ``__all__``, grouped by the
    private module that defines it (so names added to ``__all__`` appear without
    touching the docs), with a summary table per group.

``.. argmap-rules::``
    The table of AIF rules, from ``argmap.RULES``.

``.. argmap-errors::``
    The exception hierarchy below ``ArgmapError`` (and ``ArgmapWarning``).

``.. argmap-diagram::``
    A diagram made by argmap itself: the directive's content is Python code
    that builds an :class:`argmap.ArgumentMap` called ``m``; the map is exported
    with ``argmap.view.to_dot`` and rendered to SVG by the Graphviz engine argmap's
    renderer uses.  A build without an engine fails with a clear message.

It also resolves references to private module paths (``argmap._text.Source``,
``argmap.reasoning._aspic.Evaluation``, as type hints spell them) to the public
names (``argmap.Source``, ``argmap.reasoning.Evaluation``).
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import enum
import hashlib
import importlib
import inspect
import io
import os
import pkgutil
import re
import shutil
import sys
import tempfile
import textwrap
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective, SphinxTranslator
from sphinx.util.nodes import nested_parse_with_titles

# ---------------------------------------------------------------- public names

#: API groups: (title, introduction, module prefixes), in page order.  A name
#: lands in the first group whose prefix matches the module that defines it.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Maps and source texts",
     "The map itself, the analysed text, and anchors into it.",
     ("argmap._map", "argmap._text")),
    ("Nodes, edges and participants",
     "The AIF node kinds as immutable classes; roles follow from the graph.",
     ("argmap._nodes",)),
    ("Validation",
     "AIF rules and the problems :meth:`~argmap.ArgumentMap.validate` reports.",
     ("argmap._validation", "argmap._problem")),
    ("Reading and writing",
     "Files and bytes in every supported format, and AIF-XML.",
     ("argmap._io", "argmap.formats._aifxml")),
    ("The format registry",
     "Which formats argmap knows, how one is chosen, and adding your own.",
     ("argmap.formats._format", "argmap.formats._registry")),
    ("Format-specific functions",
     "Functions of formats that have more than read and write, and the records "
     "readers keep aside.",
     ("argmap.formats", "argmap._validation.FORMAT_RULES")),
    ("Pictures",
     "Pictures of maps: DOT export and rendering through a Graphviz engine.",
     ("argmap.view",)),
    ("Schemes and critical questions",
     "The scheme catalogue, and the critical questions of an inference: which are "
     "open, and recording an answer; see :doc:`/reasoning`.",
     ("argmap.reasoning._schemes", "argmap.reasoning._questions")),
    ("Acceptability",
     "Which propositions of a map follow: the AIF to ASPIC+ to Dung reading of a map "
     "and its result; see :ref:`reasoning-acceptability`.",
     ("argmap.reasoning._aspic", "argmap.reasoning._structures", "argmap.reasoning._explain")),
    ("Argumentation frameworks",
     "Abstract (Dung) frameworks, their four semantics, and the ICCMA file formats.",
     ("argmap.reasoning._framework", "argmap.reasoning._iccma")),
    ("Agreement between annotators",
     "How far two annotations of one text agree; see :ref:`reasoning-agreement`.",
     ("argmap.reasoning._agreement", "argmap.reasoning._agreement_layers",
      "argmap.reasoning._alignment")),
    ("Lint",
     "Structural warnings for annotators; see :ref:`reasoning-lint`.",
     ("argmap.reasoning._lint",)),
    ("Corpora",
     "A folder of maps in one call; see :doc:`/training`.",
     ("argmap._corpus",)),
    ("Training data, statistics, networkx and pandas",
     "Corpus statistics, training data for argument mining, and graph and table views; "
     "see :doc:`/training`.",
     ("argmap.mining",)),
    ("Property-testing strategies",
     "Hypothesis strategies that build random valid maps.",
     ("argmap.strategies",)),
    ("Errors and warnings",
     "Every error argmap raises on purpose derives from :class:`ArgmapError`; "
     "see also :doc:`/errors`.",
     ("argmap._errors",)),
    ("Package",
     "Package metadata.",
     ("argmap",)),
    ("Other",
     "Public names from modules the groups above do not cover yet.",
     ()),
)

#: Private types that public signatures mention (``node.extra`` is a
#: ``FrozenJSONDict``), by the namespace whose page documents them under their
#: real paths, so that links resolve.
SUPPORTING_TYPES: dict[str, tuple[str, ...]] = {
    "argmap": ("argmap._extra.FrozenJSONDict",),
    "argmap.formats": ("argmap.formats._format.Loader",),
}

#: The public namespaces, each with its own API page, in the order of the docs.
NAMESPACES: tuple[str, ...] = (
    "argmap", "argmap.reasoning", "argmap.formats", "argmap.view", "argmap.mining",
    "argmap.strategies",
)

#: Top-level names that are conveniences: documented in their subpackage.
CONVENIENCE: frozenset[str] = frozenset({"evaluate", "render"})

_MISSING = object()


def public_names(namespace: str = "argmap") -> list[str]:
    """The ``__all__`` of a public namespace."""
    return list(importlib.import_module(namespace).__all__)


def canonical_namespace(name: str) -> str | None:
    """The namespace whose page documents ``name`` (None if no namespace lists it).

    The top level documents its own names except the conveniences; a name that
    several subpackages list is documented in the first of them.
    """
    if name in public_names("argmap") and name not in CONVENIENCE:
        return "argmap"
    return next((ns for ns in NAMESPACES[1:] if name in public_names(ns)), None)


def public_path(private: str) -> str | None:
    """``argmap.reasoning._aspic.Evaluation`` -> ``argmap.reasoning.Evaluation``, if public."""
    parts = private.split(".")
    hidden = [i for i, p in enumerate(parts[:-1]) if p.startswith("_") and i > 0]
    if not hidden or parts[0] != "argmap":
        return None
    cut = hidden[-1] + 1
    head, prefix = parts[cut], ".".join(parts[:cut])
    homes = [ns for ns in NAMESPACES if head in public_names(ns)]
    if not homes:
        return None
    # The documented home first, else a namespace that contains the private module.
    canonical = canonical_namespace(head)
    homes.sort(key=lambda ns: (ns != canonical, not prefix.startswith(ns + ".")))
    return ".".join([homes[0], *parts[cut:]])


def _import_submodules() -> None:
    """Import every argmap submodule so data names can be traced to their module."""
    import argmap

    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if info.name.endswith(("__main__", "._cli")):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional dependency is missing; skip that module
            continue


def defining_module(name: str, obj: Any) -> str:
    """The module that defines the public object ``name`` (private path)."""
    mod = getattr(obj, "__module__", None)
    if (inspect.isclass(obj) or callable(obj)) and isinstance(mod, str) and (
        mod == "argmap" or mod.startswith("argmap.")
    ):
        return mod
    hits = [
        modname
        for modname, module in sorted(sys.modules.items())
        if modname.startswith("argmap.")
        and module is not None
        and name in getattr(module, "__all__", ())
        and getattr(module, name, _MISSING) is obj
    ]
    # A private package re-exports its modules' names (``argmap.reasoning``
    # lists ``LINT_RULES`` of ``argmap.reasoning._lint``): the deepest module
    # that lists the name is the one that defines it.
    hits.sort(key=lambda modname: -modname.count("."))
    return hits[0] if hits else "argmap"


def group_of(module: str) -> int:
    """The index in :data:`GROUPS` of the group for names defined in ``module``."""
    best, best_len = len(GROUPS) - 1, -1
    for index, (_title, _intro, prefixes) in enumerate(GROUPS):
        for prefix in prefixes:
            # The package itself ("argmap") matches only exactly, not its submodules.
            nested = prefix != "argmap" and module.startswith(prefix + ".")
            if (module == prefix or nested) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def _tagorder(module: str, name: str) -> int:
    try:
        analyzer = ModuleAnalyzer.for_module(module)
        analyzer.analyze()
    except Exception:
        return 1 << 30
    return analyzer.tagorder.get(name, 1 << 30)


def attribute_doc(module: str, name: str) -> list[str]:
    """The ``#:`` comment or docstring of a module-level name, as lines."""
    try:
        analyzer = ModuleAnalyzer.for_module(module)
        docs = analyzer.find_attr_docs()
    except Exception:
        return []
    return list(docs.get(("", name), []))


class Entry(typing.NamedTuple):
    name: str
    obj: Any
    module: str
    group: int
    order: tuple[int, int, int, str]


def api_entries(namespace: str = "argmap") -> list[Entry]:
    """The names a namespace's page documents, with defining module and group, in page order."""
    package = importlib.import_module(namespace)
    _import_submodules()
    out: list[Entry] = []
    for name in public_names(namespace):
        if canonical_namespace(name) != namespace:
            continue
        obj = getattr(package, name)
        module = defining_module(name, obj)
        group = group_of(module)
        prefixes = GROUPS[group][2]
        mod_rank = next(
            (i for i, p in enumerate(prefixes) if module == p or module.startswith(p + ".")), 0
        )
        kind = 0 if inspect.isclass(obj) else 1 if callable(obj) else 2
        if alias_members(obj) is not None:
            kind = 2
        out.append(Entry(name, obj, module, group,
                         (mod_rank, kind, _tagorder(module, name), name)))
    out.sort(key=lambda e: (e.group, e.order))
    return out


def _is_enum(obj: Any) -> bool:
    return inspect.isclass(obj) and issubclass(obj, enum.Enum)


def _public_bases(obj: type) -> bool:
    """True when every base class can be linked (public argmap, stdlib or attrs)."""
    for base in obj.__bases__:
        mod = base.__module__
        if mod.startswith("argmap") and canonical_namespace(base.__name__) is None:
            return False
    return True


def _summary(entry: Entry) -> str:
    obj = entry.obj
    if inspect.isclass(obj) or callable(obj):
        doc = inspect.getdoc(obj) or ""
    else:
        doc = "\n".join(attribute_doc(entry.module, entry.name))
    first = doc.strip().split("\n\n", 1)[0].replace("\n", " ").strip()
    return first or "\\ "


def alias_members(obj: Any) -> list[str] | None:
    """For a ``Union`` type alias: its members as dotted names, else None."""
    if typing.get_origin(obj) not in (typing.Union, types.UnionType):
        return None
    out = []
    for arg in typing.get_args(obj):
        if arg is type(None):
            out.append("None")
        elif inspect.isclass(arg):
            mod = arg.__module__
            if mod.startswith("argmap"):
                out.append(f"argmap.{arg.__name__}")
            elif mod == "builtins":
                out.append(arg.__qualname__)
            else:
                out.append(f"{mod}.{arg.__qualname__}")
        else:
            out.append(repr(arg))
    return out


def type_aliases() -> dict[str, str]:
    """``autodoc_type_aliases`` for the public type aliases (``NodeRef``, ...)."""
    import argmap

    return {n: f"argmap.{n}" for n in argmap.__all__
            if alias_members(getattr(argmap, n)) is not None}


def entry_rst(entry: Entry, namespace: str = "argmap") -> list[str]:
    """The reST that documents one public name of ``namespace``."""
    name, obj = entry.name, entry.obj
    full = f"{namespace}.{name}"
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return [f".. autoexception:: {full}", "   :members:", "   :show-inheritance:", ""]
    if _is_enum(obj):
        return [f".. autoclass:: {full}", "   :members:", "   :undoc-members:",
                "   :show-inheritance:", ""]
    if inspect.isclass(obj):
        lines = [f".. autoclass:: {full}", "   :members:"]
        # Members inherited from argmap's private bases (``display`` of the
        # scheme nodes) belong to the class; those of other libraries'
        # classes (``Mapping.get``, ...) do not.
        if any(c.__module__.startswith("argmap") for c in obj.__mro__[1:]):
            foreign = [c.__name__ for c in obj.__mro__[1:]
                       if not c.__module__.startswith("argmap")]
            lines.append("   :inherited-members: " + ", ".join(foreign))
        if _public_bases(obj) and obj.__bases__ != (object,) and not any(
            b.__module__ == "typing" for b in obj.__bases__
        ):
            lines.append("   :show-inheritance:")
        return [*lines, ""]
    if callable(obj) and typing.get_origin(obj) is None:
        return [f".. autofunction:: {full}", ""]
    alias = alias_members(obj)
    if alias is not None:
        # A type alias: documented as such so that type hints naming it link here.
        lines = [f".. py:type:: {name}", f"   :module: {namespace}",
                 f"   :canonical: {' | '.join(alias)}", ""]
        lines.extend("   " + line for line in attribute_doc(entry.module, name))
        return [*lines, ""]
    # Data.  autodoc cannot see the ``#:`` comment of a re-exported name, so
    # the entry is written out here.
    lines = [f".. py:data:: {name}", f"   :module: {namespace}"]
    if isinstance(obj, str):
        lines.append(f"   :value: {obj!r}")
    elif isinstance(obj, typing.Mapping) or hasattr(obj, "keys"):
        lines.append("   :type: ~collections.abc.Mapping[str, str]" if all(
            isinstance(k, str) and isinstance(v, str) for k, v in obj.items()
        ) else "   :type: ~collections.abc.Mapping")
    lines.append("")
    doc = attribute_doc(entry.module, name)
    if name == "__version__" and not doc:
        doc = ["The version of the installed argmap package."]
    lines.extend("   " + line for line in doc)
    return [*lines, ""]


def _underline(title: str, char: str) -> list[str]:
    return [title, char * len(title), ""]


def _resolve(path: str) -> Any:
    module, _, name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def api_rst(namespace: str = "argmap") -> list[str]:
    """The generated API reference of one public namespace, as reST lines."""
    entries = api_entries(namespace)
    lines: list[str] = [f".. module:: {namespace}", ""]
    for index, (title, intro, _prefixes) in enumerate(GROUPS):
        group = [e for e in entries if e.group == index]
        if not group:
            continue
        lines += _underline(title, "-")
        lines += [intro, ""]
        lines += [".. list-table::", "   :widths: 30 70", "   :class: argmap-api-summary", ""]
        for e in group:
            lines += [f"   * - :obj:`~{namespace}.{e.name}`", f"     - {_summary(e)}"]
        lines.append("")
        for e in group:
            lines += entry_rst(e, namespace)
    elsewhere = [n for n in public_names(namespace) if canonical_namespace(n) != namespace]
    if elsewhere:
        lines += _underline("Also available here", "-")
        lines += [f"These names can be imported from ``{namespace}`` too; each is documented "
                  "in its home namespace.", ""]
        lines += [".. list-table::", "   :widths: 30 70", "   :class: argmap-api-summary", ""]
        for n in elsewhere:
            home = canonical_namespace(n)
            lines += [f"   * - :obj:`{namespace}.{n} <{home}.{n}>`",
                      f"     - from :mod:`{home}`"]
        lines.append("")
    supporting = [path for path in SUPPORTING_TYPES.get(namespace, ())
                  if _resolve(path) is not None]
    if supporting:
        lines += _underline("Supporting types", "-")
        lines += ["Types that appear in signatures above but are not imported from "
                  f"``{namespace}`` directly.", ""]
        for path in supporting:
            lines += [f".. autoclass:: {path}", "   :members:", ""]
    return lines


class ApiDirective(SphinxDirective):
    """``.. argmap-api:: [NAMESPACE]`` -- the generated API reference of a namespace."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        namespace = self.arguments[0] if self.arguments else "argmap"
        if namespace not in NAMESPACES:
            raise self.error(f"argmap-api: {namespace!r} is not a public namespace")
        return _parse(self, api_rst(namespace))


def _parse(directive: SphinxDirective, lines: Sequence[str]) -> list[nodes.Node]:
    container = nodes.section()
    container.document = directive.state.document
    content = StringList()
    source = f"<generated by {directive.name}>"
    for i, line in enumerate(lines):
        content.append(line, source, i)
    nested_parse_with_titles(directive.state, content, container)
    return list(container.children)


# ---------------------------------------------------------------- rules, errors

def rules_rst(which: str = "aif") -> list[str]:
    """A table of rules: ``argmap.RULES`` (``"aif"``), the readers' format rules
    (``"format"``) or the checks of :func:`argmap.reasoning.lint` (``"lint"``, from
    ``argmap.reasoning.LINT_RULES``)."""
    import argmap

    if which == "aif":
        rules, prefix, what = argmap.RULES, "rule", "What the rule requires"
    elif which == "lint":
        rules, prefix, what = argmap.reasoning.LINT_RULES, "lint-rule", "What it looks for"
    else:
        from argmap.formats import FORMAT_RULES

        rules, prefix, what = FORMAT_RULES, "format-rule", "What the rule requires"
    lines = [".. list-table::", "   :header-rows: 1", "   :widths: 28 72",
             "   :class: argmap-rules", "", "   * - Code", f"     - {what}"]
    for code, description in rules.items():
        lines += [f"   * - .. _{prefix}-{code}:", "", f"       ``{code}``",
                  f"     - {description}"]
    return [*lines, ""]


class RulesDirective(SphinxDirective):
    """``.. argmap-rules:: [aif|format]`` -- a table of rules, from the code."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        which = self.arguments[0] if self.arguments else "aif"
        if which not in ("aif", "format", "lint"):
            raise self.error(f"argmap-rules: unknown rule set {which!r}")
        return _parse(self, rules_rst(which))


# ---------------------------------------------------------------- schemes

_RST_SPECIAL = re.compile(r"([\\`*|_\[\]<>])")


def _rst_text(text: str) -> str:
    """Plain text made safe for inline reST (markup characters escaped)."""
    return _RST_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def scheme_anchor(name: str) -> str:
    """The reference label of a scheme's row: ``scheme-`` and its normalised name."""
    import argmap

    return "scheme-" + argmap.reasoning.normalise_scheme_name(name).replace(" ", "-")


def _other_names(scheme: Any) -> list[str]:
    seen = {scheme.name, scheme.label}
    out = []
    for alias in scheme.aliases:
        if alias not in seen:
            seen.add(alias)
            out.append(alias)
    return out


def _question_rst(question: Any) -> str:
    what = question.attack.value
    if question.premise is not None:
        what += f" premise {question.premise + 1}"
    return f"``{question.id}`` ({what}): {_rst_text(question.text)}"


def schemes_rst(which: str = "inference") -> list[str]:
    """The scheme catalogue as a table, from ``argmap.reasoning.schemes()``.

    ``"inference"`` lists the argumentation schemes (RA) with their premises,
    conclusion and critical questions; ``"other"`` the schemes of the other
    S-node kinds (conflicts, rephrases, preferences, transitions, illocutions).
    """
    import argmap

    catalogue = argmap.reasoning.schemes()
    lines: list[str]
    if which == "inference":
        lines = [".. list-table::", "   :header-rows: 1", "   :widths: 26 34 40",
                 "   :class: argmap-schemes", "", "   * - Scheme",
                 "     - Premises and conclusion", "     - Critical questions"]
        for s in catalogue.of_kind(argmap.NodeKind.RA):
            lines += [f"   * - .. _{scheme_anchor(s.name)}:", "",
                      f"       **{_rst_text(s.label)}**", "",
                      f"       ``{s.name}``" + (f" ({_rst_text(s.family)})" if s.family else "")]
            others = _other_names(s)
            if others:
                lines += ["", "       Also: " + "; ".join(_rst_text(a) for a in others)]
            # The description, the numbered premises, then the conclusion.
            lines.append(f"     - {_rst_text(s.description) or '--'}")
            if s.premises:
                lines.append("")
                lines += [f"       {i}. {_rst_text(p)}"
                          for i, p in enumerate(s.premises, start=1)]
            if s.conclusion:
                lines += ["", f"       So: *{_rst_text(s.conclusion)}*"]
            questions = [_question_rst(q) for q in s.questions]
            if questions:
                lines.append(f"     - * {questions[0]}")
                lines += [f"       * {q}" for q in questions[1:]]
            else:
                lines.append("     - --")
        return [*lines, ""]
    if which != "other":
        raise ValueError(f"unknown scheme table {which!r}")
    lines = [".. list-table::", "   :header-rows: 1", "   :widths: 8 20 10 22 40",
             "   :class: argmap-schemes", "", "   * - Kind", "     - Scheme",
             "     - AIFdb id", "     - Also", "     - Meaning"]
    for s in catalogue:
        if s.kind is argmap.NodeKind.RA:
            continue
        name = f"``{s.name}``"
        if s.label != s.name:
            name += f" ({_rst_text(s.label)})"
        meaning = _rst_text(s.description) or "--"
        if s.anchors:
            meaning += " Anchored in: " + " and ".join(s.anchors) + "."
        lines += [f"   * - {s.kind.value}", f"     - {name}",
                  f"     - {s.aifdb_id if s.aifdb_id is not None else '--'}",
                  f"     - {'; '.join(_rst_text(a) for a in _other_names(s)) or '--'}",
                  f"     - {meaning}"]
    return [*lines, ""]


class SchemesDirective(SphinxDirective):
    """``.. argmap-schemes:: [inference|other]`` -- the scheme catalogue, from the code."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        which = self.arguments[0] if self.arguments else "inference"
        if which not in ("inference", "other"):
            raise self.error(f"argmap-schemes: unknown table {which!r}")
        return _parse(self, schemes_rst(which))


def formats_rst() -> list[str]:
    """The table of registered formats, from ``argmap.formats.formats()``."""
    import argmap

    lines = [".. list-table::", "   :header-rows: 1", "   :widths: 14 12 30 44",
             "   :class: argmap-formats", "", "   * - Name", "     - Can",
             "     - File name suffixes", "     - Description"]
    for fmt in argmap.formats.formats():
        can = " and ".join(w for w, f in (("read", fmt.load), ("write", fmt.dump)) if f)
        suffixes = ", ".join(f"``{x}``" for x in fmt.suffixes) or "--"
        lines += [f"   * - ``{fmt.name}``", f"     - {can}", f"     - {suffixes}",
                  f"     - {fmt.description or '--'}"]
    return [*lines, ""]


class FormatsDirective(SphinxDirective):
    """``.. argmap-formats::`` -- the registered formats, from ``argmap.formats.formats()``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        return _parse(self, formats_rst())


def cli_help(command: str | None = None) -> str:
    """The ``--help`` text of the ``argmap`` command or one of its subcommands."""
    import argparse

    from argmap import _cli

    parser: argparse.ArgumentParser = _cli._parser()
    if command is not None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parser = action.choices[command]
                break
    with _wide_terminal():
        return parser.format_help()


@contextlib.contextmanager
def _wide_terminal() -> typing.Iterator[None]:
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


class CliHelpDirective(SphinxDirective):
    """``.. argmap-cli-help:: [COMMAND]`` -- the command's own help text."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        text = cli_help(self.arguments[0] if self.arguments else None).rstrip()
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


def _subclasses(cls: type) -> list[type]:
    return sorted(cls.__subclasses__(), key=lambda c: c.__name__)


def error_classes() -> list[type]:
    """Every public exception or warning class of argmap, root first."""
    import argmap

    _import_submodules()
    out: list[type] = []

    def walk(cls: type) -> None:
        if cls.__name__ in argmap.__all__ and cls not in out:
            out.append(cls)
        for sub in _subclasses(cls):
            walk(sub)

    walk(argmap.ArgmapError)
    walk(argmap.ArgmapWarning)
    return out


def errors_rst() -> list[str]:
    import argmap

    lines: list[str] = []

    def walk(cls: type, depth: int) -> None:
        if cls.__name__ in argmap.__all__:
            first = (inspect.getdoc(cls) or "").split("\n\n", 1)[0].replace("\n", " ")
            lines.append("  " * depth + f"* :exc:`~argmap.{cls.__name__}` -- {first}")
            lines.append("")
            depth += 1
        for sub in _subclasses(cls):
            walk(sub, depth)

    _import_submodules()
    walk(argmap.ArgmapError, 0)
    walk(argmap.ArgmapWarning, 0)
    return lines


class ErrorsDirective(SphinxDirective):
    """``.. argmap-errors::`` -- the exception hierarchy, generated."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        return _parse(self, errors_rst())


def edge_table_rst() -> list[str]:
    """The matrix of node kinds an AIF edge may join, from argmap's validator."""
    from argmap._nodes import NodeKind
    from argmap._validation import ALLOWED_EDGES

    kinds = [k for k in NodeKind if k is not NodeKind.UNKNOWN]
    lines = [".. list-table::", "   :header-rows: 1", "   :stub-columns: 1",
             "   :class: argmap-edge-table", "", "   * - from → to"]
    lines += [f"     - {k.value}" for k in kinds]
    for a in kinds:
        lines.append(f"   * - {a.value}")
        lines += [f"     - {'✓' if (a, b) in ALLOWED_EDGES else '·'}" for b in kinds]
    return [*lines, ""]


class EdgeTableDirective(SphinxDirective):
    """``.. argmap-edge-table::`` -- which kinds an edge may join (AIF + AIF+)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_dynamic(self.env, self.env.docname)
        return _parse(self, edge_table_rst())


# ---------------------------------------------------------------- changelog

_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")


def _md_inline(text: str) -> str:
    text = _MD_CODE.sub(lambda m: f"``{m.group(1)}``", text)
    return _MD_LINK.sub(lambda m: f"`{m.group(1)} <{m.group(2)}>`__", text)


def markdown_changelog_rst(markdown: str) -> list[str]:
    """Convert a Keep a Changelog file (a small Markdown subset) to reST.

    Handles ``##``/``###`` headings, ``-`` bullets with indented continuation
    lines, paragraphs, inline code, links and bold.  The ``#`` title and
    reference-style link definitions are dropped (the page has its own title).
    """
    out: list[str] = []
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if line.startswith("# ") or _MD_REFDEF.match(line):
            continue
        heading = re.match(r"^(#{2,4})\s+(.*)$", line)
        if heading:
            title = _md_inline(heading.group(2).replace("[", "").replace("]", ""))
            char = {2: "-", 3: "~", 4: "^"}[len(heading.group(1))]
            out += ["", title, char * len(title), ""]
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        if bullet:
            out.append(f"{bullet.group(1)}- {_md_inline(bullet.group(2))}")
            continue
        out.append(_md_inline(line))
    return [*out, ""]


class ChangelogDirective(SphinxDirective):
    """``.. argmap-changelog:: ../CHANGELOG.md`` -- the changelog, converted."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        rel, path = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(rel)
        text = Path(path).read_text(encoding="utf-8")
        return _parse(self, markdown_changelog_rst(text))


# ---------------------------------------------------------------- diagrams

class argmap_diagram(nodes.General, nodes.Element):  # noqa: N801 - docutils convention
    """A diagram to render: holds the DOT text."""


def _renderer(name: str) -> Any:
    """A function of :mod:`argmap.view`."""
    try:
        from argmap import view
    except ImportError as exc:
        raise ExtensionError(f"argmap-diagram: argmap's renderer is missing ({exc})") from exc
    func = getattr(view, name, None)
    if func is None:
        raise ExtensionError(f"argmap-diagram: argmap.view has no {name}()")
    return func


def render_svg(dot: str) -> bytes:
    """Render DOT text to SVG with argmap's renderer (``render_dot``).

    Without a Graphviz engine this fails the build, naming what to install:
    diagrams are part of the documentation, not decoration.
    """
    import argmap

    try:
        data = _renderer("render_dot")(dot, "svg")
    except argmap.ArgmapError as exc:
        raise ExtensionError(f"argmap-diagram: cannot render a diagram: {exc}") from None
    return data if isinstance(data, bytes) else str(data).encode("utf-8")


ROOT = Path(__file__).resolve().parents[2]


class ScratchDir:
    """A temporary working directory holding a copy of the project's example texts.

    The tutorial's code reads ``examples/seed_article.txt`` and writes files
    to the current directory; both the doctest run and the diagram made from
    the same code run it here, never in the project tree.
    """

    FILES = ("examples/seed_article.txt", "examples/seed_article.json",
             "examples/annotate_seed.py")

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="argmap-docs-"))
        for rel in self.FILES:
            src = ROOT / rel
            if src.exists():
                (self.path / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, self.path / rel)
        self._old: str | None = None

    def enter(self) -> None:
        self._old = os.getcwd()
        os.chdir(self.path)

    def leave(self) -> None:
        if self._old is not None:
            os.chdir(self._old)
            self._old = None
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> ScratchDir:
        self.enter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.leave()


def doctest_code(document: nodes.document) -> str:
    """The Python code of the document's doctest and testcode blocks so far.

    Only the default group counts, as in ``sphinx.ext.doctest``; setup and
    cleanup blocks are left out (the caller provides the environment).
    """
    parser = doctest.DocTestParser()
    chunks: list[str] = []
    for node in document.findall(lambda n: isinstance(n, nodes.Element)
                                 and "testnodetype" in n.attributes):
        if "default" not in node.get("groups", ["default"]):
            continue
        kind = node["testnodetype"]
        source = node.get("test", node.astext())
        if kind == "doctest":
            chunks.extend(ex.source for ex in parser.get_examples(source))
        elif kind == "testcode":
            chunks.append(source + "\n")
    return "".join(chunks)


def build_map(code: str, where: str) -> Any:
    """Run a diagram's code and return the map it binds to ``m``."""
    import argmap

    namespace: dict[str, Any] = {"argmap": argmap, "__name__": "__argmap_docs__",
                                 "ARGMAP_ROOT": ROOT}
    for public in reversed(NAMESPACES[:-1]):  # the top level wins; strategies need hypothesis
        package = importlib.import_module(public)
        namespace.update({n: getattr(package, n) for n in package.__all__})
    with ScratchDir(), contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, where, "exec"), namespace)
    m = namespace.get("m")
    if not isinstance(m, argmap.ArgumentMap):
        raise ExtensionError(f"{where}: the diagram code must bind an ArgumentMap to 'm'")
    return m


def parse_options(text: str) -> dict[str, Any]:
    """``title=False, dialogue="compact"`` -> keyword arguments (literals only)."""
    call = ast.parse(f"f({text})", mode="eval").body
    assert isinstance(call, ast.Call)
    if call.args:
        raise ValueError(f"dot-options takes keyword arguments only: {text!r}")
    return {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if kw.arg}


def map_to_dot(m: Any, options: dict[str, Any]) -> str:
    """The map as DOT text, from argmap's own exporter."""
    return str(_renderer("to_dot")(m, **options))


class DiagramDirective(SphinxDirective):
    """``.. argmap-diagram::`` -- build a map with the given code and draw it."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "caption": directives.unchanged,
        "alt": directives.unchanged,
        "show-code": directives.flag,
        "dot-options": directives.unchanged,
        "width": directives.unchanged,
        "from-doctests": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        code = textwrap.dedent("\n".join(self.content))
        if "from-doctests" in self.options:
            code = doctest_code(self.state.document) + code
        where = f"{self.env.doc2path(self.env.docname)}:{self.lineno}"
        try:
            m = build_map(code, where)
            options: dict[str, Any] = {}
            if "dot-options" in self.options:
                options = parse_options(self.options["dot-options"])
            dot = map_to_dot(m, options)
        except ExtensionError:
            raise
        except Exception as exc:
            raise self.error(
                f"argmap-diagram: the code failed: {type(exc).__name__}: {exc}"
            ) from exc
        out: list[nodes.Node] = []
        if "show-code" in self.options:
            block = nodes.literal_block(code, code)
            block["language"] = "python"
            out.append(block)
        node = argmap_diagram()
        node["dot"] = dot
        node["alt"] = self.options.get("alt", self.options.get("caption", "argument map"))
        node["width"] = self.options.get("width")
        figure = nodes.figure("", node, classes=["argmap-diagram"])
        if "caption" in self.options:
            caption_nodes, _msgs = self.state.inline_text(self.options["caption"], self.lineno)
            figure += nodes.caption(self.options["caption"], "", *caption_nodes)
        out.append(figure)
        return out


def _svg_file(translator: SphinxTranslator, dot: str) -> str:
    builder = translator.builder
    digest = hashlib.sha256(dot.encode("utf-8")).hexdigest()[:16]
    fname = f"argmap-{digest}.svg"
    outdir = Path(builder.outdir) / builder.imagedir
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / fname
    if not target.exists():
        target.write_bytes(render_svg(dot))
    return f"{builder.imgpath}/{fname}"


def visit_diagram_html(translator: Any, node: argmap_diagram) -> None:
    src = _svg_file(translator, node["dot"])
    style = f' style="width: {node["width"]}"' if node.get("width") else ""
    alt = translator.attval(node["alt"])
    # A link to the picture itself, so that large maps can be opened full size.
    translator.body.append(
        f'<a class="argmap-diagram-link" href="{src}" title="Open the picture full size">'
        f'<img src="{src}" alt="{alt}" class="argmap-diagram"{style} /></a>'
    )
    raise nodes.SkipNode


def visit_diagram_other(translator: Any, node: argmap_diagram) -> None:
    raise nodes.SkipNode


# ---------------------------------------------------------------- references



def resolve_private(app: Sphinx, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``argmap._mod.Name[.attr]`` to ``argmap.Name[.attr]`` for public names."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if target.startswith("argmap.") and isinstance(_resolve(target), typing.TypeVar):
        return contnode  # a private type variable: shown as text, not linked
    if not target.startswith("argmap.") or "._" not in target:
        return None
    public = public_path(target)
    if public is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"],
                               public, node, contnode)


# ---------------------------------------------------------------- bookkeeping

def _note_dynamic(env: Any, docname: str) -> None:
    if not hasattr(env, "argmap_dynamic_docs"):
        env.argmap_dynamic_docs = set()
    env.argmap_dynamic_docs.add(docname)


def _outdated(app: Sphinx, env: Any, added: set[str], changed: set[str],
              removed: set[str]) -> list[str]:
    # Generated pages depend on the code, which Sphinx does not track.
    return sorted(getattr(env, "argmap_dynamic_docs", set()) - removed)


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "argmap_dynamic_docs", set()).discard(docname)


def _merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    mine: set[str] = getattr(env, "argmap_dynamic_docs", set())
    env.argmap_dynamic_docs = mine | (getattr(other, "argmap_dynamic_docs", set()) & docnames)


def _patch_type_alias_repr() -> None:
    """Show type aliases nested in other types (``tuple[Node, ...]``) by name.

    Sphinx 9.0 substitutes ``autodoc_type_aliases`` only at the top level of an
    annotation; nested ones are stringified with ``repr`` and printed as
    ``TypeAliasForwardRef('argmap.Node')``.  Making that ``repr`` the short
    cross-reference form fixes the display and the links.
    """
    from sphinx.util import inspect as sphinx_inspect

    cls = getattr(sphinx_inspect, "TypeAliasForwardRef", None)
    if cls is not None:
        cls.__repr__ = lambda self: f"~{self.name}"


def _process_signature(  # noqa: PLR0917 - the event's signature
    app: Sphinx, what: str, name: str, obj: Any, options: Any,
    signature: str | None, return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show attrs' factory sentinel ``NOTHING`` as what it makes: an empty mapping."""
    if signature and "= NOTHING" in signature and name.startswith("argmap."):
        return signature.replace("= NOTHING", "= {}"), return_annotation
    return None


def _config_inited(app: Sphinx, config: Any) -> None:
    aliases = dict(type_aliases())
    aliases.update(config.autodoc_type_aliases or {})
    config.autodoc_type_aliases = aliases


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("argmap-api", ApiDirective)
    app.add_directive("argmap-rules", RulesDirective)
    app.add_directive("argmap-schemes", SchemesDirective)
    app.add_directive("argmap-errors", ErrorsDirective)
    app.add_directive("argmap-diagram", DiagramDirective)
    app.add_directive("argmap-edge-table", EdgeTableDirective)
    app.add_directive("argmap-changelog", ChangelogDirective)
    app.add_directive("argmap-formats", FormatsDirective)
    app.add_directive("argmap-cli-help", CliHelpDirective)
    app.add_node(
        argmap_diagram,
        html=(visit_diagram_html, None),
        latex=(visit_diagram_other, None),
        text=(visit_diagram_other, None),
        man=(visit_diagram_other, None),
        texinfo=(visit_diagram_other, None),
    )
    _patch_type_alias_repr()
    app.connect("config-inited", _config_inited)
    app.connect("missing-reference", resolve_private)
    app.connect("autodoc-process-signature", _process_signature)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
