import { Select } from '@tessera/ui';
import type { Direction } from '../../lib/station.js';
import type { AccessSetup } from './offline-store.js';

export const NO_GATE_LABEL = 'No gate (main entrance)';

interface StationBarProps {
  access: AccessSetup | null;
  gateId: string | null;
  direction: Direction;
  onGate: (gateId: string | null) => void;
  onDirection: (direction: Direction) => void;
}

/** The gate this device stands at and which way people pass; remembered on the device. */
export function StationBar({ access, gateId, direction, onGate, onDirection }: StationBarProps) {
  const zones = new Map((access?.zones ?? []).map((z) => [z.id, z.name]));
  const options = [
    { value: '', label: NO_GATE_LABEL },
    ...(access?.gates ?? []).map((g) => {
      const zone = g.zoneId ? zones.get(g.zoneId) : undefined;
      return { value: g.id, label: zone ? `${g.name} · ${zone}` : g.name };
    }),
  ];
  return (
    <div className="scan-station">
      <Select
        label="Gate"
        options={options}
        value={gateId ?? ''}
        onChange={(e) => onGate(e.target.value || null)}
        hint={access ? undefined : 'Loading the gates…'}
      />
      <div className="ts-field">
        <span className="ts-label" id="scan-direction-label">
          Direction
        </span>
        <div className="scan-toggle" role="group" aria-labelledby="scan-direction-label">
          {(['entry', 'exit'] as const).map((d) => (
            <button
              key={d}
              type="button"
              className="scan-toggle__option"
              aria-pressed={direction === d}
              onClick={() => onDirection(d)}
            >
              {d === 'entry' ? 'Entry' : 'Exit'}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
