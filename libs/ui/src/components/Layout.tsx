import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's one `<h1>`, with an optional line of text and actions on the right. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="ts-page-header">
      <div>
        <h1>{title}</h1>
        {description && <p>{description}</p>}
      </div>
      {actions && <div className="ts-cluster">{actions}</div>}
    </div>
  );
}

/** A polite status line while something loads. */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p className="ts-loading" role="status">
      {children}
    </p>
  );
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
}

/** A big number with a label, for dashboards. */
export function Stat({ label, value }: StatProps) {
  return (
    <div className="ts-card ts-stat">
      <span className="ts-stat__label">{label}</span>
      <span className="ts-stat__value">{value}</span>
    </div>
  );
}
