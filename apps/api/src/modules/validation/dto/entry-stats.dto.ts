import { ApiProperty } from '@nestjs/swagger';

export class GateCountDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: scans without a gate.' })
  gateId: string | null;
  @ApiProperty()
  gateName: string;
  @ApiProperty()
  admitted: number;
  @ApiProperty()
  rejected: number;
}

export class SlotCountDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the 5-minute slot.' })
  slot: string;
  @ApiProperty()
  admitted: number;
}

export class ZoneOccupancyDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: the main entrance (no zone).' })
  zoneId: string | null;
  @ApiProperty()
  zoneName: string;
  @ApiProperty({ description: 'Entries minus exits.' })
  inside: number;
}

export class EntryStatsDto {
  @ApiProperty({ description: 'Valid tickets of the event.' })
  tickets: number;
  @ApiProperty({ description: 'Tickets admitted at least once.' })
  admitted: number;
  @ApiProperty({ description: 'Valid tickets never admitted.' })
  noShows: number;
  @ApiProperty({ type: [GateCountDto] })
  byGate: GateCountDto[];
  @ApiProperty({ type: [SlotCountDto] })
  bySlot: SlotCountDto[];
  @ApiProperty({ type: [ZoneOccupancyDto] })
  occupancy: ZoneOccupancyDto[];
  @ApiProperty({ format: 'date-time' })
  at: string;
}
