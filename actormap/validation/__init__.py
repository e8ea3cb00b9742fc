"""Validation: the problem codes and their messages, and every check of a map's tables and metadata."""
