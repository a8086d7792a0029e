import { ApiProblem } from '@tessera/api-client';
import type { ReactNode } from 'react';

/** A sentence for any error a call can throw: the problem's detail, or a network hint. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail || error.code;
  if (error instanceof TypeError) return 'Could not reach the server. Check the connection and try again.';
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** The per-field messages of a validation problem, keyed by field. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiProblem) for (const e of error.errors) out[e.field] ??= e.message;
  return out;
}

export interface ErrorBannerProps {
  error: unknown;
  title?: ReactNode;
  /** Fields already shown next to their inputs, left out of the list. */
  hideFields?: readonly string[];
  action?: ReactNode;
}

/** Shows an ApiProblem (detail and field errors) or any other error, announced to screen readers. */
export function ErrorBanner({ error, title, hideFields = [], action }: ErrorBannerProps) {
  if (!error) return null;
  const errors = error instanceof ApiProblem ? error.errors.filter((e) => !hideFields.includes(e.field)) : [];
  return (
    <div className="ts-alert" role="alert">
      {title && <p className="ts-alert__title">{title}</p>}
      <p>{problemMessage(error)}</p>
      {errors.length > 0 && (
        <ul>
          {errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <strong>{e.field}</strong>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {action && <div style={{ marginTop: 'var(--space-2)' }}>{action}</div>}
    </div>
  );
}
