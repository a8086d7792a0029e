// Stripe.js, loaded from Stripe only when a card payment starts. Card details are typed into
// Stripe's own Payment Element (an iframe), never into our forms.

export interface StripeElement {
  mount(container: HTMLElement): void;
  destroy(): void;
}

export interface StripeElements {
  create(type: 'payment', options?: Record<string, unknown>): StripeElement;
}

export interface StripeClient {
  elements(options: { clientSecret: string }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    redirect: 'if_required';
    confirmParams: { return_url: string };
  }): Promise<{ error?: { message?: string } }>;
}

type StripeFactory = (publishableKey: string) => StripeClient;

const STRIPE_JS = 'https://js.stripe.com/v3';
let loading: Promise<StripeFactory> | null = null;

function factory(): StripeFactory | undefined {
  return (window as unknown as { Stripe?: StripeFactory }).Stripe;
}

/** Loads Stripe.js once and returns a client for the publishable key. */
export async function loadStripe(publishableKey: string): Promise<StripeClient> {
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const ready = factory();
    if (ready) return resolve(ready);
    const script = document.createElement('script');
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = () => {
      const loaded = factory();
      if (loaded) resolve(loaded);
      else reject(new Error('Stripe did not load.'));
    };
    script.onerror = () => reject(new Error('Card payments could not be loaded. Check the connection and try again.'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return (await loading)(publishableKey);
}
