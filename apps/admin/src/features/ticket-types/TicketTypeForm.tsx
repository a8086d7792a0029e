import { Button, CheckboxGroup, ErrorBanner, TextArea, TextField, fieldErrors } from '@tessera/ui';
import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { isoToZonedInput, zonedInputToIso } from '../../lib/zoned-time.js';
import { createTicketType, type CreateTicketTypeInput } from './create-ticket-type.js';
import type { VenueSeating } from './get-venue-seating.js';
import type { SalesChannel, TicketType } from './list-ticket-types.js';
import { COMMON_CURRENCIES, currencyDigits, fromMinorUnits, toMinorUnits } from './money.js';
import { SeatingFields, type SeatingValue } from './SeatingFields.js';
import { updateTicketType, type UpdateTicketTypeInput } from './update-ticket-type.js';

const CHANNELS: { value: SalesChannel; label: string }[] = [
  { value: 'web', label: 'Web shop' },
  { value: 'box_office', label: 'Box office' },
  { value: 'vendor', label: 'Vendors (API)' },
];

const SHOWN_FIELDS = [
  'name',
  'price',
  'currency',
  'capacity',
  'salesStartAt',
  'salesEndAt',
  'minPerOrder',
  'maxPerOrder',
];

export interface TicketTypeFormProps {
  eventId: string;
  timeZone: string;
  seating: VenueSeating | null;
  /** The type being edited; a new one is created without it. */
  type?: TicketType;
  defaultCurrency: string;
  onSaved: (type: TicketType) => void;
  onCancel: () => void;
}

/** Creates or edits a ticket type: price in major units, GA capacity or reserved seats, sale window, channels. */
export function TicketTypeForm({
  eventId,
  timeZone,
  seating,
  type,
  defaultCurrency,
  onSaved,
  onCancel,
}: TicketTypeFormProps) {
  const currencyList = useId();
  const [name, setName] = useState(type?.name ?? '');
  const [currency, setCurrency] = useState(type?.currency ?? defaultCurrency);
  // The base price: dynamic pricing moves the current one from it.
  const [price, setPrice] = useState(type ? fromMinorUnits(type.basePrice, type.currency) : '');
  const [seatingValue, setSeatingValue] = useState<SeatingValue>({
    kind: type?.kind ?? 'general_admission',
    capacity: type?.capacity === null || type?.capacity === undefined ? '' : String(type.capacity),
    priceZoneId: type?.priceZoneId ?? '',
    sectionIds: type?.sectionIds ?? [],
  });
  const [salesStart, setSalesStart] = useState(isoToZonedInput(type?.salesStartAt, timeZone));
  const [salesEnd, setSalesEnd] = useState(isoToZonedInput(type?.salesEndAt, timeZone));
  const [minPerOrder, setMinPerOrder] = useState(String(type?.minPerOrder ?? 1));
  const [maxPerOrder, setMaxPerOrder] = useState(String(type?.maxPerOrder ?? 10));
  const [channels, setChannels] = useState<SalesChannel[]>(type?.channels ?? CHANNELS.map((c) => c.value));
  const [accessLevel, setAccessLevel] = useState(type?.accessLevel ?? 'general');
  const [description, setDescription] = useState(type?.description ?? '');
  const [unlockCode, setUnlockCode] = useState('');
  const [removeCode, setRemoveCode] = useState(false);
  const save = useAction();
  const errors = fieldErrors(save.error);
  const digits = currencyDigits(currency.trim().toUpperCase());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      const code = currency.trim().toUpperCase();
      const minor = toMinorUnits(price, code);
      if (channels.length === 0) throw new Error('Choose at least one sales channel.');
      const reserved = seatingValue.kind === 'reserved';
      if (reserved && !seatingValue.priceZoneId && seatingValue.sectionIds.length === 0) {
        throw new Error('Reserved seating needs a price zone or at least one section.');
      }
      const common = {
        name: name.trim(),
        price: minor,
        currency: code,
        minPerOrder: Number(minPerOrder),
        maxPerOrder: Number(maxPerOrder),
        channels,
        accessLevel: accessLevel.trim() || 'general',
        sectionIds: reserved ? seatingValue.sectionIds : [],
      };
      const capacity = reserved ? null : Number(seatingValue.capacity);
      const zone = reserved && seatingValue.priceZoneId ? seatingValue.priceZoneId : null;
      const start = salesStart ? zonedInputToIso(salesStart, timeZone) : null;
      const end = salesEnd ? zonedInputToIso(salesEnd, timeZone) : null;
      if (type) {
        const body: UpdateTicketTypeInput = {
          ...common,
          capacity,
          priceZoneId: zone,
          salesStartAt: start,
          salesEndAt: end,
        };
        if (description.trim() || type.description) body.description = description.trim();
        if (unlockCode.trim()) body.unlockCode = unlockCode.trim();
        else if (removeCode) body.unlockCode = null;
        onSaved(await updateTicketType(type.id, body));
        return;
      }
      const body: CreateTicketTypeInput = {
        eventId,
        ...common,
        ...(capacity !== null ? { capacity } : {}),
        ...(zone ? { priceZoneId: zone } : {}),
        ...(start ? { salesStartAt: start } : {}),
        ...(end ? { salesEndAt: end } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(unlockCode.trim() ? { unlockCode: unlockCode.trim() } : {}),
      };
      onSaved(await createTicketType(body));
    });
  };

  return (
    <form
      className="ts-card ts-form"
      aria-label={type ? `Edit ${type.name}` : 'New ticket type'}
      onSubmit={submit}
      style={{ gap: 'var(--space-4)' }}
    >
      <h3 style={{ margin: 0 }}>{type ? `Edit ${type.name}` : 'New ticket type'}</h3>
      <ErrorBanner error={save.error} hideFields={SHOWN_FIELDS} title="The ticket type was not saved" />
      <TextField
        label="Ticket type name"
        required
        maxLength={120}
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="ts-grid">
        <TextField
          label="Price"
          inputMode="decimal"
          required
          placeholder={digits === 0 ? '1200' : '45.50'}
          hint={
            digits === null
              ? 'In the currency below'
              : `In ${currency.toUpperCase()}, ${digits === 0 ? 'no decimals' : `up to ${digits} decimals`}`
          }
          value={price}
          error={errors.price}
          onChange={(e) => setPrice(e.target.value)}
        />
        <TextField
          label="Currency"
          list={currencyList}
          required
          maxLength={3}
          hint="ISO 4217 code; pick one or type another"
          value={currency}
          error={errors.currency}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          style={{ textTransform: 'uppercase' }}
        />
        <datalist id={currencyList}>
          {COMMON_CURRENCIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <SeatingFields value={seatingValue} onChange={setSeatingValue} seating={seating} errors={errors} />
      <div className="ts-grid">
        <TextField
          label="Sales open"
          type="datetime-local"
          hint={`Optional, in ${timeZone}`}
          value={salesStart}
          error={errors.salesStartAt}
          onChange={(e) => setSalesStart(e.target.value)}
        />
        <TextField
          label="Sales close"
          type="datetime-local"
          hint={`Optional, in ${timeZone}`}
          value={salesEnd}
          error={errors.salesEndAt}
          onChange={(e) => setSalesEnd(e.target.value)}
        />
        <TextField
          label="Minimum per order"
          type="number"
          min={1}
          max={100}
          value={minPerOrder}
          error={errors.minPerOrder}
          onChange={(e) => setMinPerOrder(e.target.value)}
        />
        <TextField
          label="Maximum per order"
          type="number"
          min={1}
          max={100}
          value={maxPerOrder}
          error={errors.maxPerOrder}
          onChange={(e) => setMaxPerOrder(e.target.value)}
        />
      </div>
      <CheckboxGroup
        legend="Sold through"
        options={CHANNELS}
        value={channels}
        onChange={setChannels}
        error={errors.channels}
      />
      <div className="ts-grid">
        <TextField
          label="Access level"
          hint="Which gates it opens, such as general or vip"
          value={accessLevel}
          error={errors.accessLevel}
          onChange={(e) => setAccessLevel(e.target.value)}
        />
        <TextField
          label="Unlock code"
          autoComplete="off"
          hint={
            type?.hidden
              ? 'Hidden: only buyers with the code see it. Enter a new code to change it.'
              : 'Optional: hides the type until a buyer enters this code'
          }
          value={unlockCode}
          error={errors.unlockCode}
          onChange={(e) => setUnlockCode(e.target.value)}
        />
      </div>
      {type?.hidden && (
        <label className="ts-check">
          <input type="checkbox" checked={removeCode} onChange={(e) => setRemoveCode(e.target.checked)} />
          <span>Remove the unlock code (show it to everyone)</span>
        </label>
      )}
      <TextArea
        label="Ticket description"
        rows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          {type ? 'Save ticket type' : 'Create ticket type'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
