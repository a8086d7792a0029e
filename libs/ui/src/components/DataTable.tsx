import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState.js';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'start' | 'end';
  /** Render this column as the row header (`<th scope="row">`). */
  rowHeader?: boolean;
}

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Names the table for screen readers; shown above it unless `captionHidden`. */
  caption: string;
  captionHidden?: boolean;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Extra content shown under a row across all columns (expanded details). */
  renderDetails?: (row: T) => ReactNode | null;
  busy?: boolean;
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden = true,
  empty,
  renderDetails,
  busy,
}: DataTableProps<T>) {
  if (rows.length === 0) {
    return <div aria-busy={busy || undefined}>{empty ?? <EmptyState title="Nothing here yet" />}</div>;
  }
  return (
    <div className="ts-table-wrap" aria-busy={busy || undefined}>
      <table className="ts-table">
        <caption className={captionHidden ? 'ts-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'ts-align-end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const details = renderDetails?.(row);
            const key = rowKey(row);
            return [
              <tr key={key}>
                {columns.map((column) => {
                  const Cell = column.rowHeader ? 'th' : 'td';
                  return (
                    <Cell
                      key={column.key}
                      scope={column.rowHeader ? 'row' : undefined}
                      className={column.align === 'end' ? 'ts-align-end' : undefined}
                    >
                      {column.render(row)}
                    </Cell>
                  );
                })}
              </tr>,
              details ? (
                <tr key={`${key}:details`}>
                  <td colSpan={columns.length}>{details}</td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
