"""Text made safe for the file formats: XML and spreadsheets refuse control characters, Markdown reads markup.

>>> xml_safe("Pol\\x01isen\\tA")
'Polisen\\tA'
>>> markdown_text("<img src=x> *fet* | a_b")
'\\\\<img src=x\\\\> \\\\*fet\\\\* \\\\| a\\\\_b'
"""

from __future__ import annotations

import re

__all__ = ["markdown_text", "xml_safe"]

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MARKUP = re.compile(r"([\\`*_{}\[\]<>|#~&!])")


def xml_safe(text: str) -> str:
    """``text`` without the control characters that XML 1.0 (and so .xlsx, GEXF, GraphML, SVG) cannot hold."""
    return _CONTROL.sub("", text)


def markdown_text(text: str) -> str:
    """``text`` on one line, with Markdown's and HTML's markup characters escaped, so a name shows as written."""
    return _MARKUP.sub(r"\\\1", " ".join(xml_safe(text).split()))
