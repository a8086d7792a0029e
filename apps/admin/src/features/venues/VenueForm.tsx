import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { browserTimeZone, timeZoneOptions } from '../../lib/zoned-time.js';
import { createVenue, type CreateVenueInput } from './create-venue.js';
import { geocodeVenue } from './geocode-venue.js';
import type { Venue } from './list-venues.js';
import { updateVenue, type UpdateVenueInput } from './update-venue.js';

const TEXT_FIELDS = ['name', 'address', 'postalCode', 'city'] as const;
const NUMBER_FIELDS = ['latitude', 'longitude', 'capacity'] as const;
const SHOWN_FIELDS = [...TEXT_FIELDS, ...NUMBER_FIELDS, 'country', 'timezone'];

type Values = Record<(typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | 'country' | 'timezone', string>;

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

function initialValues(venue?: Venue): Values {
  return {
    name: text(venue?.name),
    address: text(venue?.address),
    postalCode: text(venue?.postalCode),
    city: text(venue?.city),
    country: text(venue?.country),
    latitude: text(venue?.latitude),
    longitude: text(venue?.longitude),
    capacity: text(venue?.capacity),
    timezone: venue?.timezone ?? browserTimeZone(),
  };
}

const LABELS: Record<keyof Values, string> = {
  name: 'Name',
  address: 'Address',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
  latitude: 'Latitude',
  longitude: 'Longitude',
  capacity: 'Capacity',
  timezone: 'Time zone',
};

function number(values: Values, key: (typeof NUMBER_FIELDS)[number]): number | undefined {
  const raw = values[key].trim().replace(',', '.');
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${LABELS[key]} must be a number.`);
  return value;
}

/** Only what changed, since the API re-geocodes on address changes and forgets a lookup when coordinates are sent. */
function changes(venue: Venue, values: Values): UpdateVenueInput {
  const before = initialValues(venue);
  const body: UpdateVenueInput = {};
  for (const key of TEXT_FIELDS) if (values[key].trim() !== before[key]) body[key] = values[key].trim();
  if (values.country.trim().toUpperCase() !== before.country) {
    if (!values.country.trim()) throw new Error('The country cannot be cleared; enter another one.');
    body.country = values.country.trim().toUpperCase();
  }
  for (const key of NUMBER_FIELDS) {
    if (values[key].trim() === before[key]) continue;
    const value = number(values, key);
    if (value === undefined) throw new Error(`${LABELS[key]} cannot be cleared; enter another value.`);
    body[key] = value;
  }
  if (values.timezone !== before.timezone) body.timezone = values.timezone;
  return body;
}

export interface VenueFormProps {
  venue?: Venue;
  onSaved: (venue: Venue, created: boolean) => void;
}

/** A venue's address, coordinates, capacity and time zone, with a geocoder lookup. */
export function VenueForm({ venue, onSaved }: VenueFormProps) {
  const [values, setValues] = useState<Values>(() => initialValues(venue));
  const [lookUp, setLookUp] = useState(false);
  const save = useAction();
  const geocode = useAction();
  const errors = fieldErrors(save.error);
  const zones = useMemo(() => timeZoneOptions(values.timezone), [values.timezone]);
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    geocode.clear();
    void save.run(async () => {
      if (venue) {
        const body = changes(venue, values);
        if (Object.keys(body).length === 0) return 'Nothing changed.';
        const saved = await updateVenue(venue.id, body);
        setValues(initialValues(saved));
        onSaved(saved, false);
        return 'Saved.';
      }
      const body: CreateVenueInput = { name: values.name.trim(), timezone: values.timezone };
      for (const key of ['address', 'postalCode', 'city'] as const)
        if (values[key].trim()) body[key] = values[key].trim();
      if (values.country.trim()) body.country = values.country.trim().toUpperCase();
      for (const key of NUMBER_FIELDS) {
        const value = number(values, key);
        if (value !== undefined) body[key] = value;
      }
      if (lookUp) body.geocode = true;
      onSaved(await createVenue(body), true);
    });
  };

  const lookUpNow = () => {
    if (!venue) return;
    save.clear();
    void geocode.run(async () => {
      const located = await geocodeVenue(venue.id);
      setValues((v) => ({ ...v, latitude: text(located.latitude), longitude: text(located.longitude) }));
      onSaved(located, false);
      return `Found ${located.latitude ?? '?'}, ${located.longitude ?? '?'}.`;
    });
  };

  const field = (key: keyof Values, props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={LABELS[key]}
      value={values[key]}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value)}
      {...props}
    />
  );

  return (
    <form className="ts-form" aria-label={venue ? 'Edit venue' : 'New venue'} onSubmit={submit}>
      <ErrorBanner error={save.error} hideFields={SHOWN_FIELDS} title="The venue was not saved" />
      {field('name', { required: true, maxLength: 200 })}
      <div className="ts-grid">
        {field('address', { maxLength: 300, autoComplete: 'off' })}
        {field('postalCode', { maxLength: 20 })}
        {field('city', { maxLength: 120 })}
        {field('country', {
          maxLength: 2,
          hint: 'Two-letter code, such as NL',
          style: { textTransform: 'uppercase' },
          pattern: '[A-Za-z]{2}',
        })}
      </div>
      <div className="ts-grid">
        {field('latitude', { inputMode: 'decimal', hint: '-90 to 90' })}
        {field('longitude', { inputMode: 'decimal', hint: '-180 to 180' })}
        {field('capacity', { type: 'number', min: 0, hint: 'Optional, for reference' })}
        <Select
          label="Time zone"
          options={zones}
          value={values.timezone}
          error={errors.timezone}
          onChange={(e) => set('timezone', e.target.value)}
        />
      </div>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        {venue ? (
          <Button variant="secondary" busy={geocode.busy} onClick={lookUpNow} aria-describedby="geocode-hint">
            Look up coordinates
          </Button>
        ) : (
          <label className="ts-check">
            <input type="checkbox" checked={lookUp} onChange={(e) => setLookUp(e.target.checked)} />
            <span>Look up coordinates from the address</span>
          </label>
        )}
        {venue?.mapUrl && (
          <a href={venue.mapUrl} target="_blank" rel="noopener noreferrer">
            Open in map
          </a>
        )}
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {geocode.notice}
        </p>
      </div>
      {venue && (
        <p id="geocode-hint" className="ts-hint" style={{ marginTop: 'calc(-1 * var(--space-2))' }}>
          The lookup uses the saved address; save address changes first.
        </p>
      )}
      <ErrorBanner error={geocode.error} title="The coordinates were not found" />
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" busy={save.busy}>
          {venue ? 'Save venue' : 'Create venue'}
        </Button>
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {save.notice}
        </p>
      </div>
    </form>
  );
}
