import type { PaymentMethod } from './payment.entity.js';

export interface ChargeRequest {
  purchaseId: string;
  amount: number;
  currency: string;
  /** Sandbox token, or a provider payment-method reference; never card data. */
  token?: string;
  description: string;
}

export type ChargeResult =
  | { status: 'succeeded'; ref: string }
  | { status: 'pending'; ref: string; clientSecret: string | null }
  | { status: 'declined'; ref: string | null; failureCode: string };

export type RemoteStatus = 'succeeded' | 'pending' | 'failed' | 'canceled';

/** One interface for every way to pay: Stripe, PayPal, the sandbox, and money taken at the counter. */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Answers without a network call (sandbox, counter): the sale can settle in the same transaction. */
  readonly local: boolean;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Refunds `amount` of a settled payment; `idempotencyKey` makes a retry safe. */
  refund(ref: string, amount: number, idempotencyKey: string): Promise<void>;
  /** What the provider says of a pending payment (reconciliation). */
  status(ref: string): Promise<RemoteStatus>;
  /**
   * Stops a pending payment for good, so no later attempt can take the money: 'canceled', or what it
   * became meanwhile ('succeeded': it was paid; 'pending': the provider cannot stop it now).
   */
  cancel(ref: string): Promise<RemoteStatus>;
  /**
   * What the buyer's browser needs to pay a pending payment again (Stripe's client secret, PayPal's
   * order id), after a failed try or a closed page; null when it can no longer be paid.
   */
  resume(ref: string): Promise<string | null>;
  /**
   * The provider's payment for a purchase whose reference was never recorded (the API stopped
   * between creating it and saving it); null when there is none, or it cannot be looked up.
   */
  find(purchaseId: string): Promise<{ ref: string; status: RemoteStatus } | null>;
}

export const PAYMENT_PROVIDERS = Symbol('PAYMENT_PROVIDERS');
