import { randomUUID } from 'node:crypto';
import { DomainError } from '../../platform/http/domain-error.js';
import type { ChargeRequest, ChargeResult, PaymentProvider, RemoteStatus } from './payment-provider.js';

/** Test money only, where PAYMENT_SANDBOX=true: `sandbox_ok` pays, `sandbox_decline` is declined. */
export class SandboxProvider implements PaymentProvider {
  readonly method = 'sandbox' as const;
  readonly local = true;

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (request.token === 'sandbox_ok') return { status: 'succeeded', ref: `sbx_${randomUUID()}` };
    if (request.token === 'sandbox_decline') return { status: 'declined', ref: null, failureCode: 'card_declined' };
    throw new DomainError(
      'bad_request',
      'PAYMENT_TOKEN_INVALID',
      'The sandbox takes the tokens sandbox_ok and sandbox_decline.',
    );
  }
  async refund(): Promise<void> {}
  async status(): Promise<RemoteStatus> {
    return 'succeeded';
  }
  async cancel(): Promise<RemoteStatus> {
    return 'succeeded';
  }
  /** Settled in the request that charged: never pending. */
  async resume(): Promise<string | null> {
    return null;
  }
  async find(): Promise<null> {
    return null;
  }
}

/** Cash and the card terminal at the box office: the money is in hand when the sale is recorded. */
export class CounterProvider implements PaymentProvider {
  readonly local = true;
  constructor(readonly method: 'cash' | 'card_terminal') {}
  async charge(): Promise<ChargeResult> {
    return { status: 'succeeded', ref: `${this.method}_${randomUUID()}` };
  }
  async refund(): Promise<void> {}
  async status(): Promise<RemoteStatus> {
    return 'succeeded';
  }
  async cancel(): Promise<RemoteStatus> {
    return 'succeeded';
  }
  /** Settled in the request that charged: never pending. */
  async resume(): Promise<string | null> {
    return null;
  }
  async find(): Promise<null> {
    return null;
  }
}
