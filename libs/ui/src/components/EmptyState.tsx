import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="ts-empty">
      <p className="ts-empty__title">{title}</p>
      {children && <div>{children}</div>}
      {action}
    </div>
  );
}
