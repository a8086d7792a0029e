import { QueryFailedError } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import type { SectionDto } from './dto/seat-map.dto.js';
import type { PlannedMap } from './seat-map.parser.js';
import type { SectionRow } from './seat-map.repository.js';

export const SEAT_PITCH = 14;

const isUniqueViolation = (e: unknown) =>
  e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';

export const PALETTE = ['#4f46e5', '#0891b2', '#16a34a', '#ca8a04', '#dc2626', '#9333ea', '#db2777', '#475569'];

export const round = (n: number) => Math.round(n * 10) / 10;

export function numeric(s: SectionRow): Omit<SectionDto, 'seats'> {
  return { ...s, x: Number(s.x), y: Number(s.y), width: Number(s.width), height: Number(s.height) };
}

export function checkCapacity(kind: string, capacity: number | undefined | null) {
  if (kind === 'general_admission' && (capacity === undefined || capacity === null)) {
    throw new DomainError('unprocessable', 'CAPACITY_REQUIRED', 'A general-admission section needs a capacity.');
  }
  if (kind === 'reserved' && capacity !== undefined && capacity !== null) {
    throw new DomainError(
      'unprocessable',
      'CAPACITY_NOT_FOR_RESERVED',
      'A reserved section holds seats, not a capacity.',
    );
  }
}

export function renameConflict(code: string, detail: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new DomainError('unprocessable', code, detail);
    throw error;
  };
}

/** Places imported seats that have no coordinates on a grid by row, in file order. */
export function layoutSeats(seats: PlannedMap['sections'][number]['seats'], x0: number, y0: number) {
  const rows = [...new Set(seats.map((s) => s.row))];
  const perRow = new Map<string, number>();
  const placed = seats.map((s) => {
    const index = perRow.get(s.row) ?? 0;
    perRow.set(s.row, index + 1);
    return {
      ...s,
      x: s.x ?? round(x0 + SEAT_PITCH * (index + 1)),
      y: s.y ?? round(y0 + SEAT_PITCH * (rows.indexOf(s.row) + 1)),
    };
  });
  const widest = Math.max(0, ...perRow.values());
  const xs = placed.map((s) => s.x);
  const ys = placed.map((s) => s.y);
  const box = placed.length
    ? {
        x: Math.max(0, Math.min(...xs) - SEAT_PITCH),
        y: Math.max(0, Math.min(...ys) - SEAT_PITCH),
        width: Math.max(60, Math.max(...xs) - Math.min(...xs) + 2 * SEAT_PITCH, (widest + 1) * SEAT_PITCH),
        height: Math.max(40, Math.max(...ys) - Math.min(...ys) + 2 * SEAT_PITCH),
      }
    : { x: x0, y: y0, width: 300, height: 160 };
  return { seats: placed, box };
}
