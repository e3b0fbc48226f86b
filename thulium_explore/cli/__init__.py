"""The ``thulium-explore`` command line: ``main()`` and one module per command family.

Exit codes: 0 success; 1 API error, contract violation or transport failure; 2 bad input or
usage. Every failure is one line on stderr, never a traceback.
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.cli._main import main

__all__ = ["main"]

_publish(globals(), __name__)
