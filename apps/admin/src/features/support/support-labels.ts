import type { BadgeTone } from '@tessera/ui';
import type { SupportPriority, SupportStatus } from './list-support-tickets.js';

export const STATUS_LABELS: Record<SupportStatus, string> = {
  open: 'Open',
  pending: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const STATUS_TONES: Record<SupportStatus, BadgeTone> = {
  open: 'warning',
  pending: 'info',
  resolved: 'success',
  closed: 'neutral',
};

/** Where each status may go next (the API refuses anything else). */
export const NEXT_STATUSES: Record<SupportStatus, SupportStatus[]> = {
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export const STATUS_ACTIONS: Record<SupportStatus, string> = {
  open: 'Reopen',
  pending: 'Wait on customer',
  resolved: 'Resolve',
  closed: 'Close',
};

export const PRIORITY_LABELS: Record<SupportPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const PRIORITY_TONES: Record<SupportPriority, BadgeTone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};

/** "2 h 5 min" from seconds. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
