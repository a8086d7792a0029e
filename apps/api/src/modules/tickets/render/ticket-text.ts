/**
 * Ticket texts for the PDF standard fonts: the start shown in the event's own time zone, prices in
 * the currency's own minor units, and any text folded into WinAnsi (Windows-1252), the only
 * characters Helvetica and Courier carry without embedding a font.
 */

const LOCALE = 'en-GB';

/** Date and time of the start as seen at the venue; an unknown zone falls back to UTC, named as such. */
export function formatStart(iso: string, timeZone: string): { date: string; time: string } {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const at = new Date(iso);
  const date = new Intl.DateTimeFormat(LOCALE, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat(LOCALE, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
  return { date: winAnsi(date), time: winAnsi(time) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An amount in minor units, shown with as many decimals as the currency has (JPY none, KWD three). */
export function formatPrice(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${minor} ${currency}`;
  }
}

/** The characters of Windows-1252 above Latin-1's range, which the standard fonts also carry. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FOLDED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '\u2212': '-', '′': "'", '″': '"' };

/**
 * Text the standard fonts can show: anything outside WinAnsi becomes the nearest letter without
 * its accent when there is one, else `?` (one per emoji or ideograph, however many code points it
 * is made of).
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const { segment } of new Intl.Segmenter(LOCALE, { granularity: 'grapheme' }).segment(text)) {
    out += foldGrapheme(segment.normalize('NFC'));
  }
  return out;
}

function foldGrapheme(grapheme: string): string {
  if (grapheme === '\n' || grapheme === '\r\n') return '\n';
  if (/^[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]+$/u.test(grapheme)) return ' ';
  if (/^\p{Cf}+$/u.test(grapheme)) return '';
  if (isWinAnsi(grapheme)) return grapheme;
  if (FOLDED[grapheme]) return FOLDED[grapheme];
  if (/^\p{Pd}$/u.test(grapheme)) return '-';
  const base = grapheme.normalize('NFD').replace(/\p{M}/gu, '');
  return base.length > 0 && isWinAnsi(base) ? base : '?';
}

function isWinAnsi(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const printable = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(char);
    if (!printable) return false;
  }
  return true;
}
