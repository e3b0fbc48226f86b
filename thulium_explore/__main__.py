"""``python -m thulium_explore`` runs the command line."""

import sys

from thulium_explore.cli import main

sys.exit(main())
