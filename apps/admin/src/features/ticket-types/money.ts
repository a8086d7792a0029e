// Prices are entered in major units ("45.50") and sent in minor units (4550). How many
// decimals a currency has comes from Intl: JPY has none, EUR two, KWD three.

export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'JPY'];

/** The currency's decimals, or null when the code is not a currency Intl knows. */
export function currencyDigits(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return null;
  }
}

/** "45.50" EUR becomes 4550; "1200" JPY becomes 1200. Throws a readable error for what cannot be a price. */
export function toMinorUnits(text: string, currency: string): number {
  const digits = currencyDigits(currency);
  if (digits === null) throw new Error(`${currency || 'The currency'} is not an ISO 4217 currency code.`);
  const value = text.trim().replace(/\s/g, '').replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match) throw new Error('Enter the price as a number, such as 45.50.');
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) {
    throw new Error(
      digits === 0 ? `${currency} prices have no decimals.` : `${currency} prices have at most ${digits} decimals.`,
    );
  }
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** 4550 EUR becomes "45.50", for editing. */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}
