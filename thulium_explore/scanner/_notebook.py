"""Passwords typed into notebook code cells: the likeliest leak of all.

A code cell is parsed with :mod:`ast` (IPython magics and shell lines blanked first, so line numbers
hold) and these are flagged when they hold a string literal:

- the password argument of ``ThuliumClient(url, user, password)`` / ``ThuliumClient(password=…)``;
- a ``password=`` / ``passwd=`` / ``secret=`` / ``token=`` / ``api_key=`` keyword of any call,
  ``connect(password=…)`` included;
- the second item of ``auth=(user, password)`` and of ``HTTPBasicAuth(user, password)``;
- ``os.environ["…PASSWORD…"] = "…"`` (also ``…TOKEN…``, ``…SECRET…``, ``…API_KEY…``), and
  ``os.environ.setdefault`` / ``os.putenv`` with such a name;
- the line magic ``%env THULIUM_API_PASSWORD=…`` (a line rule; ``%set_env`` too).

A name, a call (``getpass()``, ``os.environ[...]``) or a placeholder (``"***"``, ``"<password>"``,
``"$THULIUM_API_PASSWORD"``, empty) is fine. A cell that does not parse is read line by line for
``password="…"``. ``# thulium: allow`` at the end of a line silences that line on purpose.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from thulium_explore.scanner._rules_secrets import placeholder

ALLOW_MARKER = "# thulium: allow"
_ADVICE = 'read it with getpass() or os.environ["THULIUM_API_PASSWORD"], or mark the line # thulium: allow'
_SECRET_NAME = re.compile(r"(?i)(?:^|[_-])(?:password|passwd|pwd|secret|token|api[_-]?key)(?:$|[_-])")
_SECRET_KEYWORDS = frozenset({"password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "access_token"})
_ENV_MAGIC = re.compile(r"^\s*%(?:set_)?env\s++([A-Za-z_]\w*+)(?:\s*+=\s*+|\s++)(\S.*)$")
_MAGIC = re.compile(r"^\s*(?:%|!)")
_LOOSE = re.compile(r"(?i)\b(password|passwd|pwd|secret|api_key)\s*+=\s*+([\"'])([^\"'\n]++)\2")

#: (line in the cell, 1-based; message)
CellHit = tuple[int, str]


def message(where: str) -> str:
    """A finding's wording: ``password literal <where> (<advice>)``."""
    return f"password literal {where} ({_ADVICE})"


def code_cell_rules(source: str) -> Iterator[CellHit]:
    """Password literals in one code cell's source, by line of the cell."""
    lines = source.split("\n")
    blanked: list[str] = []
    cell_magic = bool(lines) and lines[0].lstrip().startswith("%%")
    for number, line in enumerate(lines, 1):
        magic = _ENV_MAGIC.match(line)
        if magic and _SECRET_NAME.search(magic.group(1)) and not placeholder(magic.group(2)):
            yield number, message(f"in %env {magic.group(1)}")
        blanked.append("" if _MAGIC.match(line) or (cell_magic and number == 1) else line)
    try:
        tree = ast.parse("\n".join(blanked))
    except (SyntaxError, ValueError):
        for number, line in enumerate(lines, 1):
            for m in _LOOSE.finditer(line):
                if not placeholder(m.group(3)):
                    yield number, message(f'in {m.group(1)}="…"')
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield from _call(node)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                name = _environ_key(target)
                if name and _literal(node.value):
                    yield node.lineno, message(f'assigned to os.environ["{name}"]')


def _call(node: ast.Call) -> Iterator[CellHit]:
    func = _name(node.func)
    if func == "ThuliumClient" and len(node.args) >= 3 and _literal(node.args[2]):
        yield node.args[2].lineno, message("passed to ThuliumClient()")
    if func in ("HTTPBasicAuth", "HTTPDigestAuth") and len(node.args) >= 2 and _literal(node.args[1]):
        yield node.args[1].lineno, message(f"passed to {func}()")
    if func in ("setdefault", "putenv") and len(node.args) >= 2 and _literal(node.args[1]):
        key = node.args[0]
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and _SECRET_NAME.search(key.value):
            yield node.args[1].lineno, message(f'assigned to os.environ["{key.value}"]')
    for keyword in node.keywords:
        arg = (keyword.arg or "").lower()
        if arg in _SECRET_KEYWORDS and _literal(keyword.value):
            yield keyword.value.lineno, message(f"passed to {func or 'a call'}()")
        elif arg == "auth" and isinstance(keyword.value, ast.Tuple | ast.List) and len(keyword.value.elts) == 2:
            secret = keyword.value.elts[1]
            if _literal(secret):
                yield secret.lineno, message("in auth=(user, password)")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.expr) -> bool:
    """A string literal that is not a placeholder."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and not placeholder(node.value)


def _environ_key(target: ast.expr) -> str | None:
    """``KEY`` for an ``os.environ["KEY"]`` / ``environ["KEY"]`` target whose name is a secret's."""
    if not isinstance(target, ast.Subscript) or _name(target.value) != "environ":
        return None
    key = target.slice
    if isinstance(key, ast.Constant) and isinstance(key.value, str) and _SECRET_NAME.search(key.value):
        return key.value
    return None
