"""The Streamlit app: pages and widgets only; everything they show comes from the library."""
