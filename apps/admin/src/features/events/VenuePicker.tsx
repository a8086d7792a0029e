import { Button, ErrorBanner, TextField, useAsync, useDebouncedValue } from '@tessera/ui';
import { useState } from 'react';
import { searchVenues } from './search-venues.js';

export interface VenueChoice {
  id: string;
  name: string;
  city: string | null;
  /** Known when picked from the venue list; the event's zone follows it. */
  timezone?: string;
}

export interface VenuePickerProps {
  value: VenueChoice | null;
  onChange: (venue: VenueChoice | null) => void;
  disabled?: boolean;
  error?: string;
}

const describe = (v: { name: string; city: string | null }) => [v.name, v.city].filter(Boolean).join(', ');

/** Shows the chosen venue, or a search over the venues to choose one. */
export function VenuePicker({ value, onChange, disabled, error }: VenuePickerProps) {
  const [searching, setSearching] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const open = searching || !value;
  const venues = useAsync((signal) => (open ? searchVenues(q, signal) : Promise.resolve(null)), [q, open]);

  if (!open && value) {
    return (
      <fieldset className="ts-fieldset" disabled={disabled}>
        <legend>Venue</legend>
        <div className="ts-cluster" style={{ alignItems: 'center' }}>
          <strong data-testid="chosen-venue">{describe(value)}</strong>
          <Button variant="secondary" size="sm" onClick={() => setSearching(true)}>
            Change venue
          </Button>
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            Remove venue
          </Button>
        </div>
        {error && <p className="ts-field-error">{error}</p>}
      </fieldset>
    );
  }

  const items = venues.data?.items ?? [];
  return (
    <fieldset className="ts-fieldset" disabled={disabled}>
      <legend>Venue</legend>
      <div className="ts-stack" style={{ gap: 'var(--space-2)' }}>
        <TextField
          label="Find a venue"
          type="search"
          hint="Name or city. Leave the event without a venue to add one later."
          value={search}
          error={error}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches as you type already; it must not submit the event form around it.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
        <ErrorBanner error={venues.error} />
        {items.length > 0 ? (
          <ul
            aria-label="Matching venues"
            className="ts-stack"
            style={{ gap: 'var(--space-1)', margin: 0, padding: 0 }}
          >
            {items.map((venue) => (
              <li key={venue.id} className="ts-cluster" style={{ alignItems: 'center', listStyle: 'none' }}>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Choose ${venue.name}`}
                  onClick={() => {
                    onChange({ id: venue.id, name: venue.name, city: venue.city, timezone: venue.timezone });
                    setSearching(false);
                    setSearch('');
                  }}
                >
                  Choose
                </Button>
                <span>
                  {describe(venue)} <span className="ts-muted">· {venue.timezone}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          !venues.loading && <p className="ts-muted">No venue matches{q ? ` “${q}”` : ''}.</p>
        )}
        {value && (
          <div>
            <Button variant="ghost" size="sm" onClick={() => setSearching(false)}>
              Keep {value.name}
            </Button>
          </div>
        )}
      </div>
    </fieldset>
  );
}
