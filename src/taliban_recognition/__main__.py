"""``python -m taliban_recognition``: the command line, as ``taliban-recognition`` runs it."""

import sys

from taliban_recognition._cli import main

sys.exit(main())
