/**
 * Every queue and every job name. The worker refuses to start unless each job here has exactly
 * one handler, and no handler exists for a job not listed here.
 */
export const QUEUES = ['tickets', 'email', 'reports', 'validation'] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOBS = {
  /** Release holds past their expiry (inventory, scheduled). */
  'tickets.expire-holds': 'tickets',
  /** Ask payment providers about purchases pending too long (payments, scheduled). */
  'reports.reconcile-payments': 'reports',
  /** Stop the pending payments of a canceled event and refund its paid purchases (sales). */
  'tickets.refund-event': 'tickets',
  /** Refund one purchase paid for stock it cannot have: sold meanwhile, or its event canceled (sales). */
  'tickets.refund-purchase': 'tickets',
  /** Refunds still due after their job ran out of tries (sales, scheduled). */
  'tickets.refunds-due': 'tickets',
  /** Render a purchase's ticket files (QR, PDFs) into storage, then ask for its notification (tickets). */
  'tickets.render': 'tickets',
  /** Tell a customer something about their tickets by email (files attached) and SMS (notifications). */
  'notifications.deliver': 'email',
  /** Look over recent scans for fraud patterns and flag them for staff (validation, scheduled). */
  'validation.analyze': 'validation',
  /** Send one templated email (notifications). */
  'email.send': 'email',
  /** Recompute the audit chain and log the verdict (reporting, scheduled). */
  'reports.verify-audit-chain': 'reports',
  /** Produce one requested report export (CSV or XLSX) into storage, with progress (reporting). */
  'reports.export': 'reports',
  /** Delete relayed outbox rows past their retention (scheduled). */
  'reports.outbox-cleanup': 'reports',
  /** Recompute dynamic prices, keep their history, broadcast changes (pricing, scheduled). */
  'pricing.update-prices': 'tickets',
} as const satisfies Record<string, QueueName>;

export type JobName = keyof typeof JOBS;

export const isJobName = (name: string): name is JobName => Object.hasOwn(JOBS, name);
