"""The one-page meeting brief: headline figures, the coverage matrix, the ten most severe findings, the network.

:func:`brief_content` gathers what the brief says, in the selection's
language; :func:`brief_markdown` writes it as Markdown with the network
image inside the file (a ``data:`` URL at the end), so one file is the
whole brief. :mod:`actormap.export.pdf` lays the same content out as
a printed page.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from actormap.analysis.coverage import coverage
from actormap.export.text import markdown_text
from actormap.i18n import t
from actormap.view.labels import coverage_grid, grid_rows, rule_title, severity_label
from actormap.view.selection import Selection

__all__ = ["TOP_FINDINGS", "BriefContent", "Finding", "brief_content", "brief_markdown", "findings_heading"]

TOP_FINDINGS = 10


@dataclass(frozen=True)
class Finding:
    severity: str
    label: str
    title: str
    message: str
    new: bool


@dataclass(frozen=True)
class BriefContent:
    """What the brief says, every text in the selection's language.

    ``coverage`` is the header and rows of the efforts-per-cell matrix
    (levels down, target groups across; the first cell of a row is the
    level's name); ``more`` counts the findings beyond the ones listed.
    """

    title: str
    notes: list[str]
    figures: list[tuple[str, int]]
    coverage_header: list[str]
    coverage_rows: list[list]
    findings: list[Finding]
    more: int


def brief_content(selection: Selection) -> BriefContent:
    """The brief of ``selection``: figures and findings of what the filters keep."""
    language, findings = selection.language, selection.findings
    figures = selection.figures
    levels, groups = selection.shown_levels, selection.shown_target_groups
    grid = coverage_grid(coverage(selection.actor_map), "efforts", levels, groups, language)
    top = [
        Finding(
            f.severity,
            severity_label(f.severity, language),
            rule_title(f.rule, language),
            f.message,
            bool(f.new),
        )
        for f in findings.head(TOP_FINDINGS).itertuples()
    ]
    header = [grid.index.name, *grid.columns]
    more = max(len(findings) - TOP_FINDINGS, 0)
    return BriefContent(selection.title, list(selection.drawing_notes), figures, header, grid_rows(grid), top, more)


def brief_markdown(selection: Selection, network_png: bytes | None = None) -> str:
    """The brief as Markdown; ``network_png`` (the network image) is embedded at the end when given.

    Every text from the map is escaped, so a name shows as written and never as markup.
    """
    language = selection.language
    content = brief_content(selection)
    lines = [f"# {markdown_text(content.title)}", "", f"**{markdown_text(t('export.brief_title', language))}**  "]
    lines += [f"{markdown_text(note)}  " for note in content.notes]
    lines += ["", f"## {markdown_text(t('export.brief_figures', language))}", ""]
    lines += [
        _row([markdown_text(label) for label, _ in content.figures]),
        _rule(len(content.figures)),
        _row([str(value) for _, value in content.figures]),
    ]
    lines += ["", f"## {markdown_text(t('export.brief_coverage', language))}", ""]
    lines += [
        _row([markdown_text(cell) for cell in content.coverage_header]),
        "| --- |" + _rule(len(content.coverage_header) - 1)[1:],
    ]
    lines += [
        _row([markdown_text(row[0]), *(f"**{v}**" if v == 0 else str(v) for v in row[1:])])
        for row in content.coverage_rows
    ]
    lines += ["", f"_{markdown_text(t('export.brief_coverage_help', language))}_", ""]
    lines += _findings_md(content, language)
    if network_png is not None:
        alt = markdown_text(f"{t('export.brief_network', language)}: {content.title}")
        lines += [
            "",
            f"## {markdown_text(t('export.brief_network', language))}",
            "",
            f"![{alt}][network]",
            "",
            f"[network]: data:image/png;base64,{base64.b64encode(network_png).decode('ascii')}",
        ]
    return "\n".join(lines) + "\n"


def _findings_md(content: BriefContent, language: str) -> list[str]:
    if not content.findings:
        return [
            f"## {markdown_text(t('export.brief_findings', language, count=0))}",
            "",
            markdown_text(t("ui.no_findings", language)),
        ]
    lines = [f"## {markdown_text(findings_heading(content, language))}", ""]
    for number, finding in enumerate(content.findings, start=1):
        new = f" ({markdown_text(t('export.new', language))})" if finding.new else ""
        lines.append(
            f"{number}. **{markdown_text(finding.label.capitalize())} · {markdown_text(finding.title)}"
            f"{new}.** {markdown_text(finding.message)}"
        )
    if content.more:
        lines += ["", markdown_text(t("export.brief_findings_more", language, count=content.more))]
    return lines


def findings_heading(content: BriefContent, language: str) -> str:
    """ "The 10 most severe findings", or "All 7 findings, most severe first" when the list is whole."""
    key = "export.brief_findings" if content.more else "export.brief_findings_all"
    return t(key, language, count=len(content.findings))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _rule(count: int) -> str:
    """A Markdown table's rule for ``count`` numeric (right-aligned) columns."""
    return "|" + " ---: |" * count
