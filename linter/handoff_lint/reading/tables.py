"""markdown-it's GFM table rule, recording where a table is and not its cells.

Document reads a table's rows from its source lines (document.split_row), so the header and cell
tokens markdown-it builds (three per cell) are thrown away, and building them is most of the cost
of parsing a handoff doc. This is markdown-it-py's rules_block/table.py with the cell tokens left
out: the same tests decide whether and where a table starts and ends, and the table_open and
table_close tokens are the same, so the rest of the doc parses the same way.
"""

from __future__ import annotations

from markdown_it.common.utils import isStrSpace, mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import (
    MAX_AUTOCOMPLETED_CELLS,
    escapedSplit,
    getLine,
    headerLineRe,
)
from markdown_it.rules_block.table import table as full_table

# The rules a table interrupts, as markdown-it registers its own table rule.
ALT = ["paragraph", "reference"]
# Below this many levels of nesting the cell tokens (4 levels under the table) would not reach
# the nesting limit, which the document reports on; nearer to it, the full rule runs.
_CELL_DEPTH = 4


def _cells(line: str) -> int:
    columns = escapedSplit(line)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return len(columns)


def table_extent(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    if state.level + _CELL_DEPTH >= state.md.options.maxNesting - 1:
        return bool(full_table(state, startLine, endLine, silent))
    # From here to `if silent` this is the library's rule unchanged.
    if startLine + 2 > endLine:
        return False
    nextLine = startLine + 1
    if state.sCount[nextLine] < state.blkIndent:
        return False
    if state.is_code_block(nextLine):
        return False
    pos = state.bMarks[nextLine] + state.tShift[nextLine]
    if pos >= state.eMarks[nextLine]:
        return False
    first_ch = state.src[pos]
    pos += 1
    if first_ch not in ("|", "-", ":"):
        return False
    if pos >= state.eMarks[nextLine]:
        return False
    second_ch = state.src[pos]
    pos += 1
    if second_ch not in ("|", "-", ":") and not isStrSpace(second_ch):
        return False
    if first_ch == "-" and isStrSpace(second_ch):
        return False
    while pos < state.eMarks[nextLine]:
        ch = state.src[pos]
        if ch not in ("|", "-", ":") and not isStrSpace(ch):
            return False
        pos += 1
    lineText = getLine(state, startLine + 1)
    columns = lineText.split("|")
    aligns = 0
    for i in range(len(columns)):
        t = mdTrim(columns[i])
        if not t:
            if i == 0 or i == len(columns) - 1:
                continue
            return False
        if not headerLineRe.search(t):
            return False
        aligns += 1
    lineText = mdTrim(getLine(state, startLine))
    if "|" not in lineText:
        return False
    if state.is_code_block(startLine):
        return False
    columnCount = _cells(lineText)
    if columnCount == 0 or columnCount != aligns:
        return False
    if silent:
        return True

    oldParentType = state.parentType
    state.parentType = "table"
    terminatorRules = state.md.block.ruler.getRules("blockquote")
    token = state.push("table_open", "table", 1)
    token.map = tableLines = [startLine, 0]
    # The empty-cell limit can only stop a table with more rows x columns than it allows; below
    # that the rows need not be split at all.
    count_cells = (endLine - startLine) * columnCount > MAX_AUTOCOMPLETED_CELLS
    autocompleted_cells = 0
    nextLine = startLine + 2
    while nextLine < endLine:
        if state.sCount[nextLine] < state.blkIndent:
            break
        terminate = False
        for rule in terminatorRules:
            if rule(state, nextLine, endLine, True):
                terminate = True
                break
        if terminate:
            break
        lineText = mdTrim(getLine(state, nextLine))
        if not lineText:
            break
        if state.is_code_block(nextLine):
            break
        if count_cells:
            autocompleted_cells += columnCount - _cells(lineText)
            if autocompleted_cells > MAX_AUTOCOMPLETED_CELLS:
                break
        nextLine += 1
    state.push("table_close", "table", -1)
    tableLines[1] = nextLine
    state.parentType = oldParentType
    state.line = nextLine
    return True
