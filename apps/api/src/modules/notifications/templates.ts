export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const layout = (title: string, body: string) => `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;background:#f5f6fa;padding:24px">
<table role="presentation" style="max-width:560px;margin:auto;background:#fff;border-radius:12px;padding:24px">
<tr><td><h1 style="font-size:20px;color:#1d1b4b">${escape(title)}</h1>${body}
<p style="color:#6b6f80;font-size:12px;margin-top:32px">Tessera ticketing</p></td></tr></table></body></html>`;

type Template = (data: Record<string, unknown>, ctx: { publicUrl: string }) => RenderedMail;

export const TEMPLATES: Record<string, Template> = {
  welcome: (data, ctx) => ({
    subject: 'Welcome to Tessera',
    text: `Hello ${String(data.name ?? '')},\n\nYour account is ready. Find events at ${ctx.publicUrl}/\n`,
    html: layout(
      'Welcome to Tessera',
      `<p>Hello ${escape(data.name)},</p><p>Your account is ready. <a href="${escape(ctx.publicUrl)}/">Find events</a>.</p>`,
    ),
  }),
};

const money = (amount: unknown, currency: unknown) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: String(currency ?? 'EUR') }).format(
    Number(amount ?? 0) /
      10 **
        (new Intl.NumberFormat('en', { style: 'currency', currency: String(currency ?? 'EUR') }).resolvedOptions()
          .maximumFractionDigits ?? 2),
  );

TEMPLATES['purchase-confirmation'] = (data, ctx) => ({
  subject: 'Your tickets are confirmed',
  text: `Thank you for your purchase (${String(data.purchaseId)}).\n${String(data.tickets)} ticket(s), ${money(data.total, data.currency)}.\nYour tickets: ${ctx.publicUrl}/tickets\n`,
  html: layout(
    'Your tickets are confirmed',
    `<p>Thank you for your purchase.</p><p>${escape(data.tickets)} ticket(s), ${escape(money(data.total, data.currency))}.</p><p><a href="${escape(ctx.publicUrl)}/tickets">See your tickets</a></p><p style="color:#6b6f80">Order ${escape(data.purchaseId)}</p>`,
  ),
});

TEMPLATES.refund = (data, ctx) => ({
  subject: 'Your refund is on its way',
  text: `We refunded ${money(data.amount, data.currency)} for order ${String(data.purchaseId)}.\n${ctx.publicUrl}/tickets\n`,
  html: layout(
    'Your refund is on its way',
    `<p>We refunded ${escape(money(data.amount, data.currency))} for order ${escape(data.purchaseId)}.</p>`,
  ),
});

export const isTemplate = (name: unknown): name is keyof typeof TEMPLATES =>
  typeof name === 'string' && Object.hasOwn(TEMPLATES, name);
