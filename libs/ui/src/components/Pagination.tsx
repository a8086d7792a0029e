import { Button } from './Button.js';

export interface PaginationProps {
  limit: number;
  offset: number;
  total: number;
  onChange: (offset: number) => void;
  /** What is being counted, for the summary ("events", "entries"). */
  noun?: string;
}

/** Previous/next paging over a limit/offset list, with a "21–40 of 95" summary. */
export function Pagination({ limit, offset, total, onChange, noun = 'results' }: PaginationProps) {
  if (total <= 0) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="ts-pagination" aria-label="Pagination">
      <p className="ts-muted" aria-live="polite" style={{ margin: 0 }}>
        {first}–{last} of {total} {noun}
        <span className="ts-visually-hidden">
          , page {page} of {pages}
        </span>
      </p>
      {pages > 1 && (
        <div className="ts-pagination__buttons">
          <Button
            variant="secondary"
            size="sm"
            disabled={offset <= 0}
            onClick={() => onChange(Math.max(0, offset - limit))}
          >
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={offset + limit >= total}
            onClick={() => onChange(offset + limit)}
          >
            Next
          </Button>
        </div>
      )}
    </nav>
  );
}
