"""``python -m thulium_explore`` runs the command line."""

import sys

from thulium_explore._cli import main

sys.exit(main())
