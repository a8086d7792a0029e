import { DomainError } from '../../platform/http/domain-error.js';

export interface GeocodeResult {
  latitude: number;
  longitude: number;
  displayName: string;
}

/** The Maps API: turns an address into coordinates. */
export interface Geocoder {
  geocode(address: string): Promise<GeocodeResult | null>;
}

export const GEOCODER = Symbol('GEOCODER');

/** Any Nominatim-compatible service (`GET /search?q=...&format=jsonv2&limit=1`). */
export class NominatimGeocoder implements Geocoder {
  constructor(
    private readonly baseUrl: string,
    private readonly userAgent: string,
    private readonly timeoutMs: number,
  ) {}

  async geocode(address: string): Promise<GeocodeResult | null> {
    const url = new URL('search', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    url.searchParams.set('q', address);
    url.searchParams.set('format', 'jsonv2');
    url.searchParams.set('limit', '1');
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'user-agent': this.userAgent, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw unavailable();
    }
    if (!response.ok) throw unavailable();
    const body = (await response.json().catch(() => null)) as
      { lat?: string; lon?: string; display_name?: string }[] | null;
    if (!Array.isArray(body)) throw unavailable();
    const first = body[0];
    if (!first) return null;
    const latitude = Number(first.lat);
    const longitude = Number(first.lon);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    return { latitude, longitude, displayName: first.display_name ?? address };
  }
}

/** Used when no GEOCODER_URL is configured. */
export class DisabledGeocoder implements Geocoder {
  async geocode(): Promise<GeocodeResult | null> {
    throw new DomainError(
      'unprocessable',
      'GEOCODER_NOT_CONFIGURED',
      'No geocoder is configured (GEOCODER_URL); enter the coordinates by hand.',
    );
  }
}

const unavailable = () =>
  new DomainError(
    'unavailable',
    'GEOCODER_UNAVAILABLE',
    'The geocoding service did not answer; try again or enter the coordinates.',
    {
      retryAfterSeconds: 5,
    },
  );

export const mapUrl = (latitude: number | null, longitude: number | null): string | null =>
  latitude === null || longitude === null
    ? null
    : `https://www.openstreetmap.org/?mlat=${latitude.toFixed(6)}&mlon=${longitude.toFixed(6)}#map=17/${latitude.toFixed(6)}/${longitude.toFixed(6)}`;
