import { Button, type SeatRef } from '@tessera/ui';

export interface SeatTakenAlertProps {
  details: { seats: SeatRef[]; alternatives: SeatRef[] };
  /** Swaps the taken seat for an alternative; without it the alternatives are only listed. */
  onTake?: (alternative: SeatRef) => void;
}

/** 409 SEAT_TAKEN at the counter: the seat that went, and the nearest free ones. */
export function SeatTakenAlert({ details, onTake }: SeatTakenAlertProps) {
  return (
    <div className="ts-alert ts-alert--warning" role="alert">
      <p className="ts-alert__title">
        Taken already: {details.seats.map((s) => s.label ?? 'a seat').join(', ') || 'a seat in this sale'}
      </p>
      {details.alternatives.length > 0 ? (
        <div className="ts-cluster">
          {details.alternatives.map((alternative) => (
            <Button
              key={alternative.seatId}
              variant="secondary"
              size="sm"
              disabled={!onTake}
              onClick={() => onTake?.(alternative)}
            >
              Take {alternative.label ?? 'this seat'} instead
            </Button>
          ))}
        </div>
      ) : (
        <p>Pick other seats or use best available.</p>
      )}
    </div>
  );
}
