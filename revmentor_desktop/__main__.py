"""`python -m revmentor_desktop` behaves exactly like the `revmentor` command."""

import sys

from revmentor_desktop.cli import main

sys.exit(main())
