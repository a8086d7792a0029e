import { Button, ErrorBanner, Select, TextArea, TextField, fieldErrors } from '@tessera/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { browserTimeZone, isoToZonedInput, timeZoneOptions, zonedInputToIso } from '../../lib/zoned-time.js';
import { createEvent, type CreateEventInput } from './create-event.js';
import type { EventDetail } from './get-event.js';
import { updateEvent, type UpdateEventInput } from './update-event.js';
import { VenuePicker, type VenueChoice } from './VenuePicker.js';

const SHOWN_FIELDS = [
  'name',
  'startsAt',
  'endsAt',
  'doorsAt',
  'timezone',
  'imageUrl',
  'holdMinutes',
  'maxTicketsPerCustomer',
  'venueId',
];

interface Values {
  name: string;
  description: string;
  venue: VenueChoice | null;
  timezone: string;
  startsAt: string;
  endsAt: string;
  doorsAt: string;
  imageUrl: string;
  holdMinutes: string;
  /** Empty for no limit. */
  maxTicketsPerCustomer: string;
}

function initialValues(event?: EventDetail): Values {
  const timezone = event?.timezone ?? browserTimeZone();
  return {
    name: event?.name ?? '',
    description: event?.description ?? '',
    venue: event?.venue ? { id: event.venue.id, name: event.venue.name, city: event.venue.city } : null,
    timezone,
    startsAt: isoToZonedInput(event?.startsAt, timezone),
    endsAt: isoToZonedInput(event?.endsAt, timezone),
    doorsAt: isoToZonedInput(event?.doorsAt, timezone),
    imageUrl: event?.imageUrl ?? '',
    holdMinutes: String(event?.holdMinutes ?? 10),
    maxTicketsPerCustomer: event?.maxTicketsPerCustomer ? String(event.maxTicketsPerCustomer) : '',
  };
}

const isHttpUrl = (value: string) => /^https?:\/\/\S+$/i.test(value.trim());

export interface EventFormProps {
  /** The event being edited; a new draft is created without it. */
  event?: EventDetail;
  onSaved: (event: EventDetail, created: boolean) => void;
  disabled?: boolean;
}

/** Every field of an event. Times are entered in the event's own time zone. */
export function EventForm({ event, onSaved, disabled }: EventFormProps) {
  const [values, setValues] = useState<Values>(() => initialValues(event));
  const [zoneTouched, setZoneTouched] = useState(Boolean(event));
  const [imageFailed, setImageFailed] = useState(false);
  const save = useAction();
  const errors = fieldErrors(save.error);
  const zones = useMemo(() => timeZoneOptions(values.timezone), [values.timezone]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const chooseVenue = (venue: VenueChoice | null) => {
    setValues((v) => ({
      ...v,
      venue,
      timezone: venue?.timezone && !zoneTouched ? venue.timezone : v.timezone,
    }));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void save.run(async () => {
      const tz = values.timezone;
      const startsAt = zonedInputToIso(values.startsAt, tz);
      if (!startsAt) throw new Error('Enter when the event starts.');
      const endsAt = values.endsAt ? zonedInputToIso(values.endsAt, tz) : null;
      const doorsAt = values.doorsAt ? zonedInputToIso(values.doorsAt, tz) : null;
      const holdMinutes = Number(values.holdMinutes || 10);
      const maxTicketsPerCustomer = values.maxTicketsPerCustomer.trim() ? Number(values.maxTicketsPerCustomer) : null;
      const description = values.description.trim();
      const imageUrl = values.imageUrl.trim();
      if (event) {
        const body: UpdateEventInput = {
          name: values.name.trim(),
          startsAt,
          endsAt,
          doorsAt,
          timezone: tz,
          venueId: values.venue?.id ?? null,
          description: description || null,
          imageUrl: imageUrl || null,
          holdMinutes,
          maxTicketsPerCustomer,
        };
        onSaved(await updateEvent(event.id, body), false);
        return 'Saved.';
      }
      const body: CreateEventInput = {
        name: values.name.trim(),
        startsAt,
        timezone: tz,
        holdMinutes,
        maxTicketsPerCustomer,
        ...(endsAt ? { endsAt } : {}),
        ...(doorsAt ? { doorsAt } : {}),
        ...(values.venue ? { venueId: values.venue.id } : {}),
        ...(description ? { description } : {}),
        ...(imageUrl ? { imageUrl } : {}),
      };
      onSaved(await createEvent(body), true);
    });
  };

  const venueZone = values.venue?.timezone;
  return (
    <form className="ts-form" aria-label={event ? 'Edit event' : 'New event'} onSubmit={submit}>
      <ErrorBanner error={save.error} hideFields={SHOWN_FIELDS} title="The event was not saved" />
      <fieldset className="ts-fieldset ts-stack" disabled={disabled}>
        <legend className="ts-visually-hidden">Event details</legend>
        <TextField
          label="Name"
          required
          maxLength={200}
          value={values.name}
          error={errors.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <VenuePicker value={values.venue} onChange={chooseVenue} disabled={disabled} error={errors.venueId} />
        <Select
          label="Time zone"
          hint="Start, end and doors are entered in this zone, wherever you are."
          options={zones}
          value={values.timezone}
          error={errors.timezone}
          onChange={(e) => {
            setZoneTouched(true);
            set('timezone', e.target.value);
          }}
        />
        {venueZone && venueZone !== values.timezone && (
          <p className="ts-hint">
            The venue is in {venueZone}.{' '}
            <Button variant="ghost" size="sm" onClick={() => set('timezone', venueZone)}>
              Use {venueZone}
            </Button>
          </p>
        )}
        <div className="ts-grid">
          <TextField
            label="Starts"
            type="datetime-local"
            required
            value={values.startsAt}
            error={errors.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
          />
          <TextField
            label="Ends"
            type="datetime-local"
            hint="Optional"
            value={values.endsAt}
            error={errors.endsAt}
            onChange={(e) => set('endsAt', e.target.value)}
          />
          <TextField
            label="Doors open"
            type="datetime-local"
            hint="Optional; within 24 hours before the start"
            value={values.doorsAt}
            error={errors.doorsAt}
            onChange={(e) => set('doorsAt', e.target.value)}
          />
        </div>
        <TextArea
          label="Description"
          maxLength={5000}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
        />
        <div className="ts-grid">
          <TextField
            label="Image URL"
            type="url"
            placeholder="https://"
            value={values.imageUrl}
            error={errors.imageUrl}
            onChange={(e) => {
              setImageFailed(false);
              set('imageUrl', e.target.value);
            }}
          />
          <TextField
            label="Hold minutes"
            type="number"
            min={1}
            max={60}
            hint="How long a buyer holds tickets while paying"
            value={values.holdMinutes}
            error={errors.holdMinutes}
            onChange={(e) => set('holdMinutes', e.target.value)}
          />
          <TextField
            label="Tickets per customer"
            type="number"
            min={1}
            max={1000}
            hint="Most tickets one customer may buy for this event; empty for no limit"
            value={values.maxTicketsPerCustomer}
            error={errors.maxTicketsPerCustomer}
            onChange={(e) => set('maxTicketsPerCustomer', e.target.value)}
          />
        </div>
        {isHttpUrl(values.imageUrl) && (
          <figure style={{ margin: 0 }}>
            {imageFailed ? (
              <p className="ts-hint">The image could not be loaded from this address.</p>
            ) : (
              <img
                src={values.imageUrl.trim()}
                alt="Event image preview"
                onError={() => setImageFailed(true)}
                style={{ maxWidth: '24rem', maxHeight: '12rem', borderRadius: 'var(--radius)', objectFit: 'cover' }}
              />
            )}
          </figure>
        )}
        <div className="ts-cluster" style={{ alignItems: 'center' }}>
          <Button type="submit" busy={save.busy}>
            {event ? 'Save event' : 'Create event'}
          </Button>
          <p role="status" className="ts-muted" style={{ margin: 0 }}>
            {save.notice}
          </p>
        </div>
      </fieldset>
    </form>
  );
}
