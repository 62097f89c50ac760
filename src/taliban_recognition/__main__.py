"""``python -m taliban_recognition``: print a summary of the newest dataset version."""

import sys

from taliban_recognition._cli import main

sys.exit(main())
