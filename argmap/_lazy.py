"""Lazy attributes for packages (PEP 562): a name's module is imported on first use.

``import argmap`` stays fast because the readers (lxml), the reasoning and the
rendering are imported only when one of their names is first looked up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for ``package``.

    ``names`` maps an attribute to the module that defines it (a subpackage
    maps to itself); a value found is
    stored in ``namespace`` (the package's globals), so each lookup runs once.
    """

    def __getattr__(name: str) -> Any:  # noqa: N807  (the PEP 562 name)
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        imported = importlib.import_module(module)
        # A subpackage is listed under its own name: the module itself is the value.
        value = imported if module == f"{package}.{name}" else getattr(imported, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__
