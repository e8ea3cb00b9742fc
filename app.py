"""actormap's Streamlit app: ``streamlit run app.py -- [--read-only] [MAP ...]``."""

import sys

from actormap.ui.main import main

main(sys.argv[1:])
