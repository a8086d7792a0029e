// Display formatting shared by the apps. Money is integer minor units with an ISO
// currency; event times are shown in the event's own time zone.

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Formats minor units (cents, pence, yen) in their currency: `formatMoney(1250, 'EUR')` is "€12.50". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  try {
    const format = moneyFormat(currency.toUpperCase(), locale);
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

function safeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** "Sat, 14 Jun 2025, 19:30 CEST" in the event's zone. */
export function formatEventDateTime(iso: string, timeZone?: string | null, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: safeZone(timeZone),
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "Sat, 14 Jun 2025" in the event's zone. */
export function formatEventDate(iso: string, timeZone?: string | null, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** "19:30" in the event's zone. */
export function formatEventTime(iso: string, timeZone?: string | null, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: safeZone(timeZone) }).format(
    new Date(iso),
  );
}

/** A timestamp in the viewer's zone, to the second (audit trails, key usage). */
export function formatTimestamp(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** Midnight today in the viewer's zone, as ISO 8601. */
export function startOfToday(now = new Date()): string {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

/** "sales_closed" becomes "Sales closed". */
export function humanize(code: string): string {
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The number of decimals of a currency (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  try {
    return moneyFormat(currency.toUpperCase()).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount typed in major units ("20", "12.50", "12,5") as minor units, or null when it is not an amount. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim().replace(/\s/g, ''));
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  return Number(match[1] ?? '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
