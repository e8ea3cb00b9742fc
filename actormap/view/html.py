"""The network as one self-contained HTML page that works with no internet.

vis-network's script and stylesheet (the build pyvis ships) are inlined;
the page loads nothing from anywhere. Tooltips are built as text nodes in
the browser and every other text is escaped, so a name such as
``<img src=x onerror=alert(1)>`` shows as the text it is.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources

from actormap.i18n import t
from actormap.view.network import NetworkView
from actormap.view.style import legend_rows

__all__ = ["network_html"]

OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {
        "hover": True,
        "tooltipDelay": 120,
        "dragNodes": True,
        "dragView": True,
        "zoomView": True,
        "multiselect": False,
    },
    "nodes": {
        "font": {
            "size": 19,
            "face": "Helvetica, Arial, sans-serif",
            "color": "#1B1B1B",
            "strokeWidth": 4,
            "strokeColor": "#FFFFFF",
        }
    },
    "edges": {"smooth": False, "selectionWidth": 2},
}
"""Physics off: positions come from Python, and dragging a node moves only that node."""


@cache
def _vis_assets() -> tuple[str, str]:
    folder = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    return folder.joinpath("vis-network.min.js").read_text("utf-8"), folder.joinpath("vis-network.css").read_text(
        "utf-8"
    )


def _script_json(value) -> str:
    """JSON safe inside a ``<script>`` element: no ``<`` can close it early."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def network_html(
    view: NetworkView, language: str = "en", title: str = "", notes: tuple[str, ...] = (), height: int = 640
) -> str:
    """Render ``view`` as a standalone page: optional title and notes, a legend, and the network.

    ``notes`` are lines printed under the title (the map, the date, the
    filters used), so a printed or shared page is never ambiguous.
    """
    script, style = _vis_assets()
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    notes_html = "".join(f"<p class='note'>{html.escape(note)}</p>" for note in notes)
    empty = "" if view.nodes else f"<p class='empty'>{html.escape(t('ui.network_empty', language))}</p>"
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}">
<head>
<meta charset="utf-8">
<title>{html.escape(title or t("ui.network", language))}</title>
<style>{style}</style>
<style>{PAGE_CSS.replace("{height}", str(height))}</style>
<script>{script}</script>
</head>
<body>
{heading}{notes_html}
{_legend(view, language)}
{empty}
<div id="network"></div>
<script>
function asText(value) {{
  const box = document.createElement("div");
  box.className = "tip";
  box.textContent = value;
  return box;
}}
const nodeList = {_script_json(view.nodes)};
const edgeList = {_script_json(view.edges)};
nodeList.forEach(n => {{ n.title = asText(n.title || n.label); }});
edgeList.forEach(e => {{ e.title = asText(e.title || ""); }});
const nodes = new vis.DataSet(nodeList);
const edges = new vis.DataSet(edgeList);
const network = new vis.Network(document.getElementById("network"), {{nodes, edges}}, {_script_json(OPTIONS)});
network.once("afterDrawing", () => {{ document.body.dataset.drawn = String(nodes.length); }});
network.fit();
</script>
</body>
</html>
"""


def _legend(view: NetworkView, language: str) -> str:
    def item(label: str, style: dict) -> str:
        if "shape" in style:
            key = f"<span class='{style['shape']}' style='background:{style['color']}'></span>"
        else:
            line = f"border-top:{style['width']}px {'dashed' if style['dashed'] else 'solid'} {style['line']}"
            key = f"<span class='line' style='{line}'></span>"
        return f"<span class='item'>{key}{html.escape(label)}</span>"

    rows = "".join(
        f"<div class='row'><b>{html.escape(title)}</b>{''.join(item(*entry) for entry in items)}</div>"
        for title, items in legend_rows(view.actor_types, language)
    )
    return f"<div class='legend'>{rows}</div>"


PAGE_CSS = """
body { margin: 0; font-family: Helvetica, Arial, sans-serif; color: #1B1B1B; background: #FFFFFF; }
h1 { font-size: 22px; margin: 12px 14px 2px; }
.note { margin: 2px 14px; font-size: 13px; color: #444; }
.legend { margin: 6px 10px; font-size: 13px; }
.legend .row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; margin: 3px 0; }
.legend b { min-width: 70px; }
.legend .item { display: inline-flex; align-items: center; gap: 5px; }
.legend .dot { width: 12px; height: 12px; border-radius: 50%; border: 1px solid #333; display: inline-block; }
.legend .square { width: 12px; height: 12px; border: 1px solid #333; display: inline-block; }
.legend .line { width: 28px; display: inline-block; }
.empty { margin: 40px 14px; font-size: 16px; color: #555; }
#network { width: 100%; height: {height}px; border-top: 1px solid #DDD; }
div.vis-tooltip { white-space: normal; max-width: 360px; }
.tip { white-space: pre-line; font-size: 13px; line-height: 1.35; }
"""
