// Event times are entered as wall-clock times in the event's own IANA time zone,
// whatever zone the browser is in. These helpers convert between a datetime-local
// value ("2027-03-14T19:30") in a zone and an ISO 8601 instant with its offset.

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Minutes the zone is ahead of UTC at `instant` (+60 for Amsterdam in winter). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc(wallClock(floored, timeZone)) - floored) / 60_000);
}

/** True when the runtime knows the IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2027-03-14T19:30" in "Europe/Amsterdam" becomes "2027-03-14T19:30:00+01:00".
 * A time skipped by a daylight-saving change moves forward with the clock. Returns null
 * for an empty or malformed value.
 */
export function zonedInputToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  // Near a daylight-saving change the zone has two offsets; try both. An ambiguous time (the clock went back)
  // takes the first occurrence; a skipped time (the clock went forward) is read with the offset before the change.
  const before = zoneOffsetMinutes(wall - 86_400_000, timeZone);
  const after = zoneOffsetMinutes(wall + 86_400_000, timeZone);
  const candidates = [wall - before * 60_000, wall - after * 60_000].sort((a, b) => a - b);
  const instant = candidates.find((c) => asUtc(wallClock(c, timeZone)) === wall) ?? wall - before * 60_000;
  return isoInZone(instant, timeZone);
}

/** The instant as ISO 8601 in the zone's wall-clock time with its offset ("2027-03-14T19:30:00+01:00"). */
export function isoInZone(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const offset = zoneOffsetMinutes(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(offset)}`;
}

/** An ISO instant as a datetime-local value in the zone: "2027-03-14T18:30:00Z" in Amsterdam is "2027-03-14T19:30". */
export function isoToZonedInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Every IANA zone the browser knows, with `current` kept in the list even when it is not one of them. */
export function timeZoneOptions(current?: string): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
}

/** The browser's own zone, the default for new venues and events. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
