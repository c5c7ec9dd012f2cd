"""Sphinx configuration for the argmap documentation.

Build (warnings and broken references are errors)::

    .venv/bin/sphinx-build -W --keep-going -n -b html docs docs/_build/html
    .venv/bin/sphinx-build -W --keep-going -n -b doctest docs docs/_build/doctest

The API reference, the table of AIF rules and the error hierarchy are generated
from the installed package (``argmap.__all__``, ``argmap.RULES`` and the
``ArgmapError`` subclasses) by the local extension in ``_ext/argmap_docs.py``,
so they cannot drift from the code.  Concept diagrams are built at build time
from small maps, exported to DOT by argmap and rendered to SVG by a Graphviz
engine (``graphviz-pure`` from the ``render`` extra, or a system ``dot``).
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(ROOT))

import argmap  # noqa: E402

# -- Project -----------------------------------------------------------------
project = "argmap"
author = "argmap developers"
copyright = "argmap developers, MIT licence"
release = argmap.__version__
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx.ext.doctest",
    "argmap_docs",
]
root_doc = "index"
# format-mappings.rst is included by format.rst, not a page of its own.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "format-mappings.rst"]
templates_path: list[str] = []
nitpicky = True
# Optional libraries whose inventories are not bundled in _intersphinx.
nitpick_ignore = [("py:class", "networkx.MultiDiGraph"), ("py:class", "pandas.DataFrame")]
default_role = "py:obj"
primary_domain = "py"
highlight_language = "python3"
pygments_style = "friendly"
pygments_dark_style = "monokai"

# -- autodoc / napoleon --------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = False
autodoc_class_signature = "mixed"
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_use_ivar = True
napoleon_attr_annotations = True
python_use_unqualified_type_names = True
python_display_short_literal_types = True

# -- intersphinx -------------------------------------------------------------
# The inventories are kept in the repository (from the Debian documentation
# packages python3.11-doc, python-attr-doc, python-lxml-doc and
# python-hypothesis-doc) so that the
# build needs no network; the links still point at the projects' sites.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(DOCS / "_intersphinx" / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(DOCS / "_intersphinx" / "attrs.inv")),
    "lxml": ("https://lxml.de/apidoc", str(DOCS / "_intersphinx" / "lxml.inv")),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/hypothesis-python-6.67.1",
        str(DOCS / "_intersphinx" / "hypothesis.inv"),
    ),
}
intersphinx_timeout = 5

# -- doctest -----------------------------------------------------------------
# Examples use the public names of every namespace unqualified; each page says where they live.
doctest_global_setup = """
from argmap.formats import *
from argmap.mining import *
from argmap.view import *
from argmap.reasoning import *
from argmap import *
import argmap
"""
doctest_test_doctest_blocks = "default"
trim_doctest_flags = True

# -- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = f"argmap {release}"
html_static_path = ["_static"]
html_css_files = ["argmap.css"]
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": True}
