import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { PAYMENT_PROVIDERS, type PaymentProvider } from './payment-provider.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';
import { ReconcileProcessor } from './reconcile.processor.js';
import { CounterProvider, SandboxProvider } from './sandbox.provider.js';
import { PayPalProvider } from './paypal.provider.js';
import { StripeProvider } from './stripe.provider.js';

@Module({
  controllers: [PaymentsController],
  providers: [
    PaymentsService,
    ReconcileProcessor,
    {
      provide: PAYMENT_PROVIDERS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PaymentProvider[] => [
        new CounterProvider('cash'),
        new CounterProvider('card_terminal'),
        ...(config.payments.sandbox ? [new SandboxProvider()] : []),
        ...(config.payments.stripe ? [new StripeProvider(config.payments.stripe)] : []),
        ...(config.payments.paypal ? [new PayPalProvider(config.payments.paypal)] : []),
      ],
    },
  ],
  exports: [PaymentsService],
})
export class PaymentsModule {}
