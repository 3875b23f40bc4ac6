/**
 * @module cli/output/table
 * Tables for humans. cli-table3 prints colour codes even when stdout is not a TTY
 * (STACK.md), so its styles are turned off unless it is.
 */
import Table from 'cli-table3';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | undefined;
  align?: 'left' | 'right';
}

export function renderTable<T>(
  rows: T[],
  columns: Column<T>[],
  isTTY = Boolean(process.stdout.isTTY),
): string {
  const table = new Table({
    head: columns.map((c) => c.header),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: isTTY ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    // Compact rows: a separator under every row halves what fits on a screen.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) {
    table.push(
      columns.map((c) => {
        const v = c.value(row);
        return v === undefined ? '' : String(v);
      }),
    );
  }
  return table.toString();
}
