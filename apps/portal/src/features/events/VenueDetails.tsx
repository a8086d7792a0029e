import type { Schemas } from '@tessera/api-client';

type Venue = NonNullable<Schemas['EventDto']['venue']>;

/** "NL" as "Netherlands" in the reader's language, or the code when the browser cannot name it. */
function countryName(code: string | null): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The venue's name and address, with a map link when its coordinates are known. */
export function VenueDetails({ venue }: { venue: Venue }) {
  const place = [venue.city, countryName(venue.country)].filter(Boolean).join(', ');
  return (
    <address style={{ fontStyle: 'normal' }} data-testid="venue">
      <strong>{venue.name}</strong>
      {venue.address && (
        <>
          <br />
          {venue.address}
        </>
      )}
      {place && (
        <>
          <br />
          {place}
        </>
      )}
      {venue.mapUrl && (
        <>
          <br />
          <a href={venue.mapUrl} target="_blank" rel="noopener noreferrer">
            Open in map<span className="ts-visually-hidden"> (opens in a new tab)</span>
          </a>
        </>
      )}
    </address>
  );
}
