import { DomainError, type FieldError } from '../../platform/http/domain-error.js';
import { HOLD_BACK_KINDS, type HoldBackKind, SEAT_ATTRIBUTES, type SeatAttribute } from './seat.entity.js';
import { SECTION_KINDS, type SectionKind } from './section.entity.js';

export interface PlannedSeat {
  row: string;
  label: string;
  x: number | null;
  y: number | null;
  attributes: SeatAttribute[];
  zone: string | null;
  heldBack: HoldBackKind | null;
}

export interface PlannedSection {
  name: string;
  kind: SectionKind;
  capacity: number | null;
  x: number | null;
  y: number | null;
  width: number | null;
  height: number | null;
  color: string | null;
  seats: PlannedSeat[];
}

export interface PlannedMap {
  priceZones: { name: string; color: string | null }[];
  sections: PlannedSection[];
}

const LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,15}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_SEATS = 100_000;

class Problems {
  readonly list: FieldError[] = [];
  add(field: string, message: string) {
    if (this.list.length < 50) this.list.push({ field, message });
  }
  throwIfAny() {
    if (this.list.length) {
      throw new DomainError('unprocessable', 'SEAT_MAP_INVALID', `The seat map has ${this.list.length} problem(s).`, {
        errors: this.list,
      });
    }
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | null => {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
};

function checkSeat(p: Problems, at: string, raw: Record<string, unknown>, zones: Set<string>): PlannedSeat {
  const row = str(raw.row);
  const label = str(raw.label ?? raw.seat);
  if (!LABEL.test(row)) p.add(`${at}.row`, 'row must be 1-16 letters, digits, space, dot, dash or underscore');
  if (!LABEL.test(label)) p.add(`${at}.label`, 'label must be 1-16 letters, digits, space, dot, dash or underscore');
  const x = num(raw.x);
  const y = num(raw.y);
  if (Number.isNaN(x) || (x !== null && (x < 0 || x > 10_000))) p.add(`${at}.x`, 'x must be a number from 0 to 10000');
  if (Number.isNaN(y) || (y !== null && (y < 0 || y > 10_000))) p.add(`${at}.y`, 'y must be a number from 0 to 10000');
  const attrs = Array.isArray(raw.attributes)
    ? raw.attributes.map(str)
    : str(raw.attributes)
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
  for (const a of attrs)
    if (!SEAT_ATTRIBUTES.includes(a as SeatAttribute)) p.add(`${at}.attributes`, `unknown attribute "${a}"`);
  const zone = str(raw.zone ?? raw.priceZone) || null;
  if (zone && !zones.has(zone)) p.add(`${at}.zone`, `unknown price zone "${zone}"`);
  const held = str(raw.heldBack ?? raw.held_back) || null;
  if (held && !HOLD_BACK_KINDS.includes(held as HoldBackKind))
    p.add(`${at}.heldBack`, 'heldBack must be house or kill');
  return {
    row,
    label,
    x,
    y,
    attributes: [...new Set(attrs)] as SeatAttribute[],
    zone,
    heldBack: held as HoldBackKind | null,
  };
}

/** Checks a whole planned map; every problem is reported at once, with where it is. */
export function validatePlan(plan: PlannedMap, p = new Problems()): PlannedMap {
  const sectionNames = new Set<string>();
  let seats = 0;
  plan.sections.forEach((s, i) => {
    if (sectionNames.has(s.name.toLowerCase())) p.add(`sections[${i}].name`, `section "${s.name}" appears twice`);
    sectionNames.add(s.name.toLowerCase());
    if (s.kind === 'general_admission' && s.seats.length)
      p.add(`sections[${i}].seats`, 'a general-admission section has no seats');
    if (s.kind === 'general_admission' && s.capacity === null)
      p.add(`sections[${i}].capacity`, 'a general-admission section needs a capacity');
    const labels = new Set<string>();
    s.seats.forEach((seat, j) => {
      const key = `${seat.row}\u0000${seat.label}`;
      if (labels.has(key))
        p.add(`sections[${i}].seats[${j}]`, `seat ${seat.row}-${seat.label} appears twice in "${s.name}"`);
      labels.add(key);
    });
    seats += s.seats.length;
  });
  if (seats > MAX_SEATS) p.add('sections', `at most ${MAX_SEATS} seats per import`);
  p.throwIfAny();
  return plan;
}

export function parseJsonMap(content: string): PlannedMap {
  const p = new Problems();
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw new DomainError('unprocessable', 'SEAT_MAP_INVALID', 'The content is not valid JSON.');
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { sections?: unknown }).sections)) {
    throw new DomainError('unprocessable', 'SEAT_MAP_INVALID', 'Expected an object with a "sections" array.');
  }
  const d = doc as { sections: unknown[]; priceZones?: unknown[] };
  const priceZones = (Array.isArray(d.priceZones) ? d.priceZones : []).map((z, i) => {
    const zone = (z ?? {}) as Record<string, unknown>;
    const name = str(zone.name);
    if (!name || name.length > 60) p.add(`priceZones[${i}].name`, 'name must be 1-60 characters');
    const color = str(zone.color) || null;
    if (color && !COLOR.test(color)) p.add(`priceZones[${i}].color`, 'color must look like #4f46e5');
    return { name, color };
  });
  const zoneNames = new Set(priceZones.map((z) => z.name));
  const sections = d.sections.map((raw, i): PlannedSection => {
    const s = (raw ?? {}) as Record<string, unknown>;
    const at = `sections[${i}]`;
    const name = str(s.name);
    if (!name || name.length > 80) p.add(`${at}.name`, 'name must be 1-80 characters');
    const kind = str(s.kind) as SectionKind;
    if (!SECTION_KINDS.includes(kind)) p.add(`${at}.kind`, 'kind must be general_admission or reserved');
    const capacity = num(s.capacity);
    if (Number.isNaN(capacity) || (capacity !== null && (!Number.isInteger(capacity) || capacity < 0))) {
      p.add(`${at}.capacity`, 'capacity must be a whole number, 0 or more');
    }
    const box = Object.fromEntries(['x', 'y', 'width', 'height'].map((k) => [k, num(s[k])])) as Record<
      string,
      number | null
    >;
    for (const [k, v] of Object.entries(box)) if (Number.isNaN(v)) p.add(`${at}.${k}`, `${k} must be a number`);
    const color = str(s.color) || null;
    if (color && !COLOR.test(color)) p.add(`${at}.color`, 'color must look like #64748b');
    const seats = (Array.isArray(s.seats) ? s.seats : []).map((seat, j) =>
      checkSeat(p, `${at}.seats[${j}]`, (seat ?? {}) as Record<string, unknown>, zoneNames),
    );
    return { name, kind, capacity, x: box.x, y: box.y, width: box.width, height: box.height, color, seats };
  });
  p.throwIfAny();
  return validatePlan({ priceZones, sections }, p);
}

const CSV_HEADER = ['section', 'kind', 'row', 'seat', 'x', 'y', 'zone', 'attributes', 'held_back'];

function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells.map((s) => s.trim());
}

/** CSV: one reserved seat per line; price zones are created from the names used. */
export function parseCsvMap(content: string): PlannedMap {
  const p = new Problems();
  const lines = content.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = csvCells(lines[0] ?? '').map((h) => h.toLowerCase());
  const missing = ['section', 'row', 'seat'].filter((h) => !header.includes(h));
  if (missing.length) {
    throw new DomainError(
      'unprocessable',
      'SEAT_MAP_INVALID',
      `The CSV header must name ${CSV_HEADER.join(',')} (missing: ${missing.join(', ')}).`,
    );
  }
  const col = (cells: string[], name: string) => {
    const i = header.indexOf(name);
    return i >= 0 ? (cells[i] ?? '') : '';
  };
  const zones = new Set<string>();
  for (const line of lines.slice(1)) {
    const zone = col(csvCells(line), 'zone');
    if (zone) zones.add(zone);
  }
  const sections = new Map<string, PlannedSection>();
  lines.slice(1).forEach((line, i) => {
    const cells = csvCells(line);
    const at = `line ${i + 2}`;
    const name = col(cells, 'section');
    if (!name || name.length > 80) p.add(`${at}.section`, 'section must be 1-80 characters');
    const kind = (col(cells, 'kind') || 'reserved') as SectionKind;
    if (kind !== 'reserved') p.add(`${at}.kind`, 'CSV lines are reserved seats (kind "reserved")');
    let section = sections.get(name);
    if (!section) {
      section = {
        name,
        kind: 'reserved',
        capacity: null,
        x: null,
        y: null,
        width: null,
        height: null,
        color: null,
        seats: [],
      };
      sections.set(name, section);
    }
    section.seats.push(
      checkSeat(
        p,
        at,
        {
          row: col(cells, 'row'),
          label: col(cells, 'seat'),
          x: col(cells, 'x'),
          y: col(cells, 'y'),
          zone: col(cells, 'zone'),
          attributes: col(cells, 'attributes'),
          held_back: col(cells, 'held_back'),
        },
        zones,
      ),
    );
  });
  p.throwIfAny();
  return validatePlan(
    { priceZones: [...zones].map((name) => ({ name, color: null })), sections: [...sections.values()] },
    p,
  );
}

export function toCsv(plan: PlannedMap): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [CSV_HEADER.join(',')];
  for (const s of plan.sections) {
    for (const seat of s.seats) {
      lines.push(
        [
          s.name,
          s.kind,
          seat.row,
          seat.label,
          String(seat.x ?? ''),
          String(seat.y ?? ''),
          seat.zone ?? '',
          seat.attributes.join('|'),
          seat.heldBack ?? '',
        ]
          .map(esc)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Row labels A, B, ... Z, AA, AB ... or 1, 2, 3 ... */
export function rowLabel(first: string, index: number, style: 'letters' | 'numbers'): string {
  if (style === 'numbers') return String((Number.parseInt(first, 10) || 1) + index);
  let n = [...first.toUpperCase()].reduce((acc, ch) => acc * 26 + (ch.charCodeAt(0) - 64), 0) - 1 + index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}
