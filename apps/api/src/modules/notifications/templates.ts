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
  subject: `Your tickets for ${String(data.eventName ?? 'your event')}`,
  text: `Thank you for your purchase (${String(data.purchaseId)}).\n${String(data.tickets)} ticket(s) for ${String(data.eventName ?? '')}, ${money(data.total, data.currency)}.\nThe PDF tickets are attached. On your phone: ${ctx.publicUrl}/tickets\n`,
  html: layout(
    'Your tickets are confirmed',
    `<p>Thank you for your purchase.</p><p>${escape(data.tickets)} ticket(s) for <strong>${escape(data.eventName)}</strong>, ${escape(money(data.total, data.currency))}.</p><p>The PDF tickets are attached. <a href="${escape(ctx.publicUrl)}/tickets">Show them on your phone</a>.</p><p style="color:#6b6f80">Order ${escape(data.purchaseId)}</p>`,
  ),
});

TEMPLATES.refund = (data, ctx) => ({
  subject:
    data.reason === 'event_canceled' ? 'Your event was canceled: refund on its way' : 'Your refund is on its way',
  text: `We refunded ${money(data.amount, data.currency)} for order ${String(data.purchaseId)}.\n${ctx.publicUrl}/tickets\n`,
  html: layout(
    'Your refund is on its way',
    `<p>We refunded ${escape(money(data.amount, data.currency))} for order ${escape(data.purchaseId)}.</p>`,
  ),
});

export const isTemplate = (name: unknown): name is keyof typeof TEMPLATES =>
  typeof name === 'string' && Object.hasOwn(TEMPLATES, name);

const ticketsLink = (ctx: { publicUrl: string }) => `${ctx.publicUrl}/tickets`;

TEMPLATES['ticket-transfer-out'] = (data, ctx) => ({
  subject: 'You transferred a ticket',
  text: `Your ${String(data.ticketTypeName)} ticket for ${String(data.eventName)} now belongs to ${String(data.recipient)}.\nIts old code no longer works. Your tickets: ${ticketsLink(ctx)}\n`,
  html: layout(
    'You transferred a ticket',
    `<p>Your ${escape(data.ticketTypeName)} ticket for <strong>${escape(data.eventName)}</strong> now belongs to ${escape(data.recipient)}.</p><p>Its old code no longer works.</p><p><a href="${escape(ticketsLink(ctx))}">Your tickets</a></p>`,
  ),
});

TEMPLATES['ticket-transfer-in'] = (data, ctx) => ({
  subject: `A ticket for ${String(data.eventName)} is yours`,
  text: `${String(data.from ?? 'Someone')} sent you a ${String(data.ticketTypeName)} ticket for ${String(data.eventName)}.\nThe PDF is attached; sign in with this address to see it on your phone: ${ticketsLink(ctx)}\n`,
  html: layout(
    `A ticket for ${String(data.eventName)} is yours`,
    `<p>${escape(data.from ?? 'Someone')} sent you a ${escape(data.ticketTypeName)} ticket for <strong>${escape(data.eventName)}</strong>.</p><p>The PDF is attached. <a href="${escape(ticketsLink(ctx))}">Sign in with this address</a> to carry it on your phone.</p>`,
  ),
});

TEMPLATES['ticket-reissued'] = (data, ctx) => ({
  subject: 'Your ticket was reissued',
  text: `We reissued your ${String(data.ticketTypeName)} ticket for ${String(data.eventName)}. The new one is attached; the old code no longer works.\n${ticketsLink(ctx)}\n`,
  html: layout(
    'Your ticket was reissued',
    `<p>We reissued your ${escape(data.ticketTypeName)} ticket for <strong>${escape(data.eventName)}</strong>. The new one is attached; the old code no longer works.</p><p><a href="${escape(ticketsLink(ctx))}">Your tickets</a></p>`,
  ),
});

TEMPLATES['ticket-resend'] = (data, ctx) => ({
  subject: `Your ticket for ${String(data.eventName)}`,
  text: `Here is your ${String(data.ticketTypeName)} ticket for ${String(data.eventName)} again (attached).\n${ticketsLink(ctx)}\n`,
  html: layout(
    `Your ticket for ${String(data.eventName)}`,
    `<p>Here is your ${escape(data.ticketTypeName)} ticket for <strong>${escape(data.eventName)}</strong> again (attached).</p><p><a href="${escape(ticketsLink(ctx))}">Your tickets</a></p>`,
  ),
});

TEMPLATES['support-reply'] = (data, ctx) => {
  const link = `${ctx.publicUrl}/help/${String(data.ticketId)}`;
  const from = data.agentName ? String(data.agentName) : 'Our support team';
  return {
    subject: `Re: ${String(data.subject)} [#${String(data.number)}]`,
    text: `${from} answered your support request #${String(data.number)}:\n\n${String(data.message)}\n\nReply or follow the conversation: ${link}\n`,
    html: layout(
      `Re: ${String(data.subject)}`,
      `<p>${escape(from)} answered your support request #${escape(data.number)}:</p><blockquote style="border-left:3px solid #d5d7e5;margin:0;padding:8px 12px;white-space:pre-wrap">${escape(data.message)}</blockquote><p><a href="${escape(link)}">Reply or follow the conversation</a></p>`,
    ),
  };
};
