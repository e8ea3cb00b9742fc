"""``python -m actormap``."""

import sys

from actormap.cli import main

sys.exit(main())
