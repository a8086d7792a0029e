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

export const isTemplate = (name: unknown): name is keyof typeof TEMPLATES =>
  typeof name === 'string' && Object.hasOwn(TEMPLATES, name);
