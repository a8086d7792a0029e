import { Select, TextField } from '@tessera/ui';
import type { VenueSeating } from './get-venue-seating.js';

export type SeatingKind = 'general_admission' | 'reserved';

export interface SeatingValue {
  kind: SeatingKind;
  capacity: string;
  priceZoneId: string;
  sectionIds: string[];
}

export interface SeatingFieldsProps {
  value: SeatingValue;
  onChange: (value: SeatingValue) => void;
  /** The venue's sections and zones; null when the event has no venue. */
  seating: VenueSeating | null;
  errors: Record<string, string>;
}

const plural = (n: number, one: string) => `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`;

/** General admission with a capacity, or reserved seating by price zone and/or sections of the venue. */
export function SeatingFields({ value, onChange, seating, errors }: SeatingFieldsProps) {
  const reservedSections = seating?.sections.filter((s) => s.kind === 'reserved') ?? [];
  const canReserve = Boolean(seating && (reservedSections.length > 0 || seating.zones.length > 0));
  const set = (patch: Partial<SeatingValue>) => onChange({ ...value, ...patch });
  const toggleSection = (id: string, checked: boolean) =>
    set({ sectionIds: checked ? [...value.sectionIds, id] : value.sectionIds.filter((s) => s !== id) });

  return (
    <fieldset className="ts-fieldset ts-stack" style={{ gap: 'var(--space-3)' }}>
      <legend>Seating</legend>
      <div className="ts-checks">
        <label className="ts-check">
          <input
            type="radio"
            name="seating-kind"
            checked={value.kind === 'general_admission'}
            onChange={() => set({ kind: 'general_admission' })}
          />
          <span>General admission</span>
        </label>
        <label className="ts-check">
          <input
            type="radio"
            name="seating-kind"
            checked={value.kind === 'reserved'}
            disabled={!canReserve && value.kind !== 'reserved'}
            onChange={() => set({ kind: 'reserved' })}
          />
          <span>Reserved seating</span>
        </label>
      </div>
      {!canReserve && (
        <p className="ts-hint">
          {seating
            ? "Reserved seating needs seats or price zones on the venue's seat map."
            : 'Reserved seating needs a venue.'}
        </p>
      )}
      {value.kind === 'general_admission' ? (
        <TextField
          label="Capacity"
          type="number"
          min={0}
          required
          hint="How many tickets of this type can be sold"
          value={value.capacity}
          error={errors.capacity}
          onChange={(e) => set({ capacity: e.target.value })}
        />
      ) : (
        <>
          <Select
            label="Price zone"
            hint="Sells the seats of this zone (within the sections below, if any are ticked)"
            options={[
              { value: '', label: 'Any zone' },
              ...(seating?.zones ?? []).map((z) => ({ value: z.id, label: `${z.name} (${plural(z.seats, 'seat')})` })),
            ]}
            value={value.priceZoneId}
            error={errors.priceZoneId}
            onChange={(e) => set({ priceZoneId: e.target.value })}
          />
          <fieldset className="ts-fieldset">
            <legend>Sections</legend>
            {reservedSections.length === 0 ? (
              <p className="ts-hint">The venue has no reserved sections.</p>
            ) : (
              <div className="ts-checks">
                {reservedSections.map((section) => (
                  <label key={section.id} className="ts-check">
                    <input
                      type="checkbox"
                      checked={value.sectionIds.includes(section.id)}
                      onChange={(e) => toggleSection(section.id, e.target.checked)}
                    />
                    <span>
                      {section.name} ({plural(section.seats, 'seat')})
                    </span>
                  </label>
                ))}
              </div>
            )}
            {errors.sectionIds && <p className="ts-field-error">{errors.sectionIds}</p>}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
