"""The secret scan: credentials and personal data in cassettes and notebooks, found with file and line.

(The package is ``scanner`` because ``thulium_explore.scan`` is the public function.)
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.scanner._scan import Finding, ScanReport, scan

__all__ = ["Finding", "ScanReport", "scan"]

_publish(globals(), __name__)
