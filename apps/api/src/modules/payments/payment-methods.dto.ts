import { ApiProperty } from '@nestjs/swagger';
import { PAYMENT_METHODS } from './payment.entity.js';

export class PaymentMethodDto {
  @ApiProperty({ enum: PAYMENT_METHODS })
  method: string;
  @ApiProperty({ description: 'Taken by box-office staff only (cash, card terminal).' })
  staffOnly: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Stripe: the publishable key for Stripe's Payment Element; null for other methods.",
  })
  publishableKey: string | null;
}

export class PaymentMethodListDto {
  @ApiProperty({ type: [PaymentMethodDto] })
  items: PaymentMethodDto[];
}
