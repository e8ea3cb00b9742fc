"""actormap's Streamlit app: ``streamlit run app.py -- [MAP ...]``."""

from actormap.ui.main import main

main()
