/**
 * Accessible data tables: a caption, column headers with scope="col", the first column
 * as row headers (scope="row"), numbers right-aligned. Every chart has one with the same
 * numbers, so the figures are readable without the canvas.
 */
import { NOT_AVAILABLE } from './format.ts';

/** A table cell: plain text, or text with a link, a tooltip (why a value is "—") or a language. */
export type Cell =
  | string
  | {
      text: string;
      href?: string | undefined;
      title?: string | undefined;
      lang?: string | undefined;
      /** A second, smaller line (the median a figure is read against). */
      note?: string | undefined;
    };

export interface Column {
  label: string;
  /** Numbers are right-aligned and use tabular figures. */
  numeric?: boolean;
  /** Long text (reasons, lists of names): given a minimum width so it does not wrap word by word. */
  wide?: boolean;
}

export interface TableSpec {
  caption: string;
  columns: Column[];
  rows: Cell[][];
}

/** A "—" with its reason as a tooltip and, for screen readers, as hidden text. */
export function notAvailable(reason: string): Cell {
  return { text: NOT_AVAILABLE, title: reason };
}

/** `text`, or a "—" explained by `reason` when `text` is "—". */
export function explained(text: string, reason: string): Cell {
  return text === NOT_AVAILABLE ? notAvailable(reason) : text;
}

function fillCell(el: HTMLElement, cell: Cell): void {
  if (typeof cell === 'string') {
    el.textContent = cell;
    return;
  }
  if (cell.lang) el.lang = cell.lang;
  if (cell.href) {
    const a = document.createElement('a');
    a.href = cell.href;
    a.textContent = cell.text;
    el.append(a);
  } else if (cell.title && cell.text === NOT_AVAILABLE) {
    const mark = document.createElement('span');
    mark.textContent = cell.text;
    mark.title = cell.title;
    const why = document.createElement('span');
    why.className = 'visually-hidden';
    why.textContent = ` (${cell.title})`;
    el.append(mark, why);
  } else {
    el.textContent = cell.text;
    if (cell.title) el.title = cell.title;
  }
  if (cell.note) el.append(Object.assign(document.createElement('small'), { className: 'cell-note', textContent: cell.note }));
}

/**
 * The table of `spec` in its scroll box: a wide or long table scrolls inside its panel, the
 * header row staying in view (sticky, insights.css). The box is a named region that takes the
 * keyboard focus, so keyboard users can scroll it too.
 */
export function buildScrollTable(spec: TableSpec): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'table-scroll';
  box.dataset.tableScroll = '';
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', spec.caption);
  box.append(buildTable(spec));
  return box;
}

/** Builds the table element of `spec`. */
export function buildTable(spec: TableSpec): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'insights-table';
  const caption = table.createCaption();
  caption.textContent = spec.caption;
  const headRow = table.createTHead().insertRow();
  spec.columns.forEach((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.label;
    th.className = [column.numeric ? 'num' : '', column.wide ? 'wide' : ''].join(' ').trim();
    headRow.append(th);
  });
  const body = table.createTBody();
  for (const row of spec.rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const el = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (el as HTMLTableCellElement).scope = 'row';
      if (spec.columns[i]?.numeric) el.className = 'num';
      fillCell(el, cell);
      tr.append(el);
    });
  }
  return table;
}
