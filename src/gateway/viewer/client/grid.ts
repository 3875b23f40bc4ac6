/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/grid
 * A virtualized `role="grid"`: rows of fixed height in a container as tall as all of them,
 * and only the rows near the viewport (plus the focused one) in the DOM, so 50,000 items
 * scroll like 50. Keyboard as the ARIA grid pattern: one tab stop (roving tabindex), arrows,
 * Home/End (row), Ctrl+Home/End (all), PageUp/PageDown, Enter or Space to open.
 * `virtualize: false` renders every row (the benchmark's baseline).
 */

export interface GridOptions {
  element: HTMLElement;
  /** Cells are at least this wide; columns fill the width. */
  minCellWidth: number;
  rowHeight: number;
  virtualize: boolean;
  /** Fills a cell for an item: content and `aria-label` (starting with the item's name). */
  renderCell(index: number, cell: HTMLElement): void;
  onOpen(index: number): void;
}

/** Rows drawn above and below the viewport, so a quick scroll shows no blank. */
const OVERSCAN = 3;

export class VirtualGrid {
  private count = 0;
  private columns = 1;
  private active = 0;
  private readonly rows = new Map<number, HTMLElement>();
  private scheduled = false;
  /** Set after the first cell is drawn (the benchmark's "first card"). */
  onFirstCell: (() => void) | undefined;

  constructor(private readonly options: GridOptions) {
    const { element } = options;
    element.setAttribute('role', 'grid');
    element.addEventListener('keydown', (event) => this.key(event));
    element.addEventListener('click', (event) => {
      const index = this.cellIndex(event.target);
      if (index === undefined) return;
      this.setActive(index);
      options.onOpen(index);
    });
    element.addEventListener('focusin', (event) => {
      const index = this.cellIndex(event.target);
      if (index !== undefined && index !== this.active) this.setActive(index);
    });
    const schedule = () => this.schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    // Its own width, not the window's: a grid laid out in a hidden tab has none until shown.
    let width = element.clientWidth;
    new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      this.layout();
      this.redraw();
    }).observe(element);
  }

  /** New contents: `count` cells, drawn from the top (or around `keep`, an index to show). */
  setCount(count: number, keep?: number): void {
    this.count = count;
    this.active = Math.min(keep ?? 0, Math.max(0, count - 1));
    this.layout();
    this.redraw();
  }

  /** The same cells drawn again (e.g. prices arrived). */
  redraw(): void {
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
    this.draw();
  }

  get size(): number {
    return this.count;
  }

  /** Scrolls the cell into view, draws it and focuses it. */
  focusCell(index: number): void {
    if (this.count === 0) return;
    this.setActive(Math.max(0, Math.min(this.count - 1, index)));
    this.reveal(Math.floor(this.active / this.columns));
    this.draw();
    this.cellElement(this.active)?.focus({ preventScroll: true });
  }

  private layout(): void {
    const { element, minCellWidth, rowHeight } = this.options;
    const width = element.clientWidth || minCellWidth;
    this.columns = Math.max(1, Math.floor((width + 8) / (minCellWidth + 8)));
    const rowCount = Math.ceil(this.count / this.columns);
    element.style.setProperty('--columns', String(this.columns));
    element.style.height = `${rowCount * rowHeight}px`;
    element.setAttribute('aria-rowcount', String(rowCount));
    element.setAttribute('aria-colcount', String(this.columns));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.draw();
    });
  }

  private range(): [number, number] {
    const rowCount = Math.ceil(this.count / this.columns);
    if (!this.options.virtualize) return [0, rowCount - 1];
    const { rowHeight } = this.options;
    const top = -this.options.element.getBoundingClientRect().top;
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const last = Math.min(rowCount - 1, Math.ceil((top + window.innerHeight) / rowHeight) + OVERSCAN);
    return [first, last];
  }

  private draw(): void {
    const [first, last] = this.range();
    const activeRow = Math.floor(this.active / this.columns);
    for (const [index, row] of this.rows) {
      if ((index < first || index > last) && index !== activeRow) {
        // Focus must not fall to <body> when its row is recycled.
        if (!row.contains(document.activeElement)) {
          row.remove();
          this.rows.delete(index);
        }
      }
    }
    const fragment = document.createDocumentFragment();
    const wanted = first <= last ? [...range(first, last)] : [];
    if (this.count > 0 && (activeRow < first || activeRow > last)) wanted.push(activeRow);
    for (const index of wanted) if (!this.rows.has(index)) fragment.append(this.row(index));
    if (fragment.childNodes.length === 0) return;
    this.options.element.append(fragment);
    if (this.onFirstCell && this.count > 0) {
      const callback = this.onFirstCell;
      this.onFirstCell = undefined;
      callback();
    }
  }

  private row(index: number): HTMLElement {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.setAttribute('aria-rowindex', String(index + 1));
    row.className = 'vrow';
    row.style.transform = `translateY(${index * this.options.rowHeight}px)`;
    for (let column = 0; column < this.columns; column++) {
      const cellIndex = index * this.columns + column;
      if (cellIndex >= this.count) break;
      const cell = document.createElement('div');
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('aria-colindex', String(column + 1));
      cell.dataset.index = String(cellIndex);
      cell.tabIndex = cellIndex === this.active ? 0 : -1;
      cell.className = 'cell';
      this.options.renderCell(cellIndex, cell);
      row.append(cell);
    }
    this.rows.set(index, row);
    return row;
  }

  private cellIndex(target: EventTarget | null): number | undefined {
    const cell = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"]') : null;
    return cell?.dataset.index === undefined ? undefined : Number(cell.dataset.index);
  }

  private cellElement(index: number): HTMLElement | null {
    return this.options.element.querySelector<HTMLElement>(`[data-index="${index}"]`);
  }

  private setActive(index: number): void {
    const previous = this.cellElement(this.active);
    if (previous) previous.tabIndex = -1;
    this.active = index;
    const cell = this.cellElement(index);
    if (cell) cell.tabIndex = 0;
  }

  private reveal(row: number): void {
    const { rowHeight, element } = this.options;
    const top = element.getBoundingClientRect().top + window.scrollY + row * rowHeight;
    // Leave room for the sticky filter bar at the top.
    const margin = 120;
    if (top < window.scrollY + margin) window.scrollTo({ top: top - margin });
    else if (top + rowHeight > window.scrollY + window.innerHeight)
      window.scrollTo({ top: top + rowHeight - window.innerHeight + 8 });
  }

  private key(event: KeyboardEvent): void {
    const index = this.cellIndex(event.target);
    if (index === undefined) return;
    const cols = this.columns;
    const pageRows = Math.max(1, Math.floor(window.innerHeight / this.options.rowHeight) - 1);
    const rowStart = index - (index % cols);
    const moves: Record<string, number | undefined> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + cols,
      ArrowUp: index - cols,
      Home: event.ctrlKey ? 0 : rowStart,
      End: event.ctrlKey ? this.count - 1 : Math.min(this.count - 1, rowStart + cols - 1),
      PageDown: index + cols * pageRows,
      PageUp: index - cols * pageRows,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.options.onOpen(index);
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const vertical = event.key.startsWith('Page') || event.key === 'ArrowDown' || event.key === 'ArrowUp';
    if (vertical && (target < 0 || target >= this.count)) {
      this.focusCell(target < 0 ? index % cols : Math.min(this.count - 1, target));
      return;
    }
    if (target >= 0 && target < this.count) this.focusCell(target);
  }
}

function* range(first: number, last: number): Generator<number> {
  for (let i = first; i <= last; i++) yield i;
}
