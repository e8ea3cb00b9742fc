"""The script ``actormap serve`` hands to Streamlit (the repository's ``app.py`` does the same)."""

import sys

from actormap.ui.main import main

main(sys.argv[1:])
