"""The one-page meeting brief: headline figures, the coverage matrix, the ten most severe findings, the network.

:func:`brief_content` gathers what the brief says, in the selection's
language; :func:`brief_markdown` writes it as Markdown with the network
image inside the file (a ``data:`` URL at the end), so one file is the
whole brief. :mod:`actormap.export.pdf` lays the same content out as
a printed page.

The list names the most severe findings about efforts and actors, the
ones that say who should act; the cells of the coverage table with no
running effort follow as one line per level (see
:mod:`actormap.analysis.reading`), so empty cells never fill the list.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from actormap.analysis.coverage import coverage
from actormap.analysis.reading import cell_lines, split_findings
from actormap.export.text import markdown_text
from actormap.i18n import t, tn
from actormap.view.labels import cell_key, coverage_cells, grid_rows, rule_title, severity_label
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

    ``coverage_header`` and ``coverage_rows`` are the efforts-per-cell matrix
    (levels down, target groups across; the first cell of a row is the
    level's name, the others what the cell says, see
    :func:`~actormap.view.labels.cell_text`); ``coverage_states`` holds
    each cell's state, ``coverage_key`` the key (state, mark, meaning).
    ``findings`` are the most severe findings about efforts and actors and
    ``more`` counts those beyond them; ``cell_lines`` sum up the findings
    about cells, one line per level; ``nothing`` says why the brief lists
    no finding at all.
    """

    title: str
    notes: list[str]
    figures: list[tuple[str, int]]
    coverage_header: list[str]
    coverage_rows: list[list]
    coverage_states: list[list[str]]
    coverage_key: list[tuple[str, str, str]]
    findings: list[Finding]
    more: int
    cell_lines: list[str]
    nothing: str


def brief_content(selection: Selection) -> BriefContent:
    """The brief of ``selection``: figures and findings of what the filters keep."""
    language, findings = selection.language, selection.findings
    figures = selection.figures
    levels, groups = selection.shown_levels, selection.shown_target_groups
    texts, states = coverage_cells(coverage(selection.actor_map), "efforts", levels, groups, language)
    actionable, cells = split_findings(findings)
    top = [
        Finding(
            f.severity,
            severity_label(f.severity, language),
            rule_title(f.rule, language),
            f.message,
            bool(f.new),
        )
        for f in actionable.head(TOP_FINDINGS).itertuples()
    ]
    header = [texts.index.name, *texts.columns]
    more = max(len(actionable) - TOP_FINDINGS, 0)
    nothing = "export.no_findings_shown" if selection.filters.narrows() else "ui.no_findings"
    return BriefContent(
        title=selection.title,
        notes=list(selection.drawing_notes),
        figures=figures,
        coverage_header=header,
        coverage_rows=grid_rows(texts),
        coverage_states=states.values.tolist(),
        coverage_key=cell_key(language),
        findings=top,
        more=more,
        cell_lines=cell_lines(cells, language),
        nothing=t(nothing, language),
    )


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
        _row([markdown_text(row[0]), *(_cell_md(text, state) for text, state in zip(row[1:], states))])
        for row, states in zip(content.coverage_rows, content.coverage_states)
    ]
    key = " · ".join(
        _cell_md(mark, state) + f" {markdown_text(meaning)}" for state, mark, meaning in content.coverage_key
    )
    lines += [
        "",
        f"_{markdown_text(t('export.brief_coverage_help', language))}_  ",
        f"{markdown_text(t('ui.cell_key', language))}: {key}",
        "",
    ]
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


def _cell_md(text: str, state: str) -> str:
    """A coverage cell in Markdown: an empty one in bold, so it stands out without colour."""
    return f"**{markdown_text(text)}**" if state == "uncovered" else markdown_text(text)


def _findings_md(content: BriefContent, language: str) -> list[str]:
    if not content.findings:
        lines = [
            f"## {markdown_text(t('ui.findings_title', language))}",
            "",
            markdown_text(findings_heading(content, language)),
        ]
    else:
        lines = [f"## {markdown_text(findings_heading(content, language))}", ""]
    for number, finding in enumerate(content.findings, start=1):
        new = f" ({markdown_text(t('export.new', language))})" if finding.new else ""
        lines.append(
            f"{number}. **{markdown_text(finding.label.capitalize())} · {markdown_text(finding.title)}"
            f"{new}.** {markdown_text(finding.message)}"
        )
    if content.more:
        lines += ["", markdown_text(tn("export.brief_findings_more", content.more, language))]
    if content.cell_lines:
        lines += ["", f"**{markdown_text(t('reading.cells_heading', language))}**", ""]
        lines += [f"- {markdown_text(line)}" for line in content.cell_lines]
    return lines


def findings_heading(content: BriefContent, language: str) -> str:
    """The heading of the list, or the sentence that stands for an empty one.

    "The 10 most severe findings about efforts and actors", or "All 7 …,
    most severe first" when the list is whole; when it is empty, that no
    finding concerns an effort or an actor (there are findings about cells)
    or :attr:`BriefContent.nothing`.
    """
    if content.more:
        return t("export.brief_actionable", language, count=len(content.findings))
    if content.findings:
        return tn("export.brief_actionable_all", len(content.findings), language)
    return t("export.brief_actionable_none", language) if content.cell_lines else content.nothing


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _rule(count: int) -> str:
    """A Markdown table's rule for ``count`` numeric (right-aligned) columns."""
    return "|" + " ---: |" * count
