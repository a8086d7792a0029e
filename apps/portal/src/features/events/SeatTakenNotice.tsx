import { Button, type SeatRef } from '@tessera/ui';

export interface SeatTakenNoticeProps {
  details: { seats: SeatRef[]; alternatives: SeatRef[] };
  /** Puts an alternative in place of the taken seat; without it the alternatives are only listed. */
  onTake?: (alternative: SeatRef) => void;
}

/** A 409 SEAT_TAKEN: which seats went, and the nearest free ones to take instead. */
export function SeatTakenNotice({ details, onTake }: SeatTakenNoticeProps) {
  const gone = details.seats.map((s) => s.label ?? 'A seat').join(', ');
  return (
    <div className="ts-alert ts-alert--warning" role="alert">
      <p className="ts-alert__title">
        {details.seats.length > 1 ? 'These seats were' : 'This seat was'} just taken: {gone || 'a seat you chose'}
      </p>
      {details.alternatives.length > 0 ? (
        <>
          <p>Free seats nearby:</p>
          <div className="ts-cluster">
            {details.alternatives.map((alternative) =>
              onTake ? (
                <Button key={alternative.seatId} variant="secondary" size="sm" onClick={() => onTake(alternative)}>
                  Take {alternative.label ?? 'this seat'} instead
                </Button>
              ) : (
                <span key={alternative.seatId} className="ts-badge">
                  {alternative.label}
                </span>
              ),
            )}
          </div>
        </>
      ) : (
        <p>Choose other seats, or try Best available.</p>
      )}
    </div>
  );
}
