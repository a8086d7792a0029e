import { ApiProperty } from '@nestjs/swagger';

export class TypeAvailabilityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: Number, nullable: true })
  available: number | null;
  @ApiProperty({ enum: ['on_sale', 'sold_out', 'not_yet_on_sale', 'sales_ended'] })
  status: string;
  @ApiProperty({ description: 'Current price, minor units.' })
  price: number;
}

export class AvailabilityDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ type: [TypeAvailabilityDto] })
  ticketTypes: TypeAvailabilityDto[];
  @ApiProperty({ type: [String], description: 'Seats held or sold for this event.' })
  takenSeats: string[];
  @ApiProperty({
    type: [String],
    description: 'Of takenSeats, those only held: they come back on sale if their buyer does not pay in time.',
  })
  heldSeats: string[];
  @ApiProperty({ format: 'date-time' })
  at: string;
}
