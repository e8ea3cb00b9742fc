"""The script ``actormap serve`` hands to Streamlit (the repository's ``app.py`` does the same)."""

from actormap.ui.main import main

main()
