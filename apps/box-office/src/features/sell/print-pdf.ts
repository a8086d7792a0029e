// Prints a PDF from the page: loaded into a hidden frame whose print dialog opens straight away.
// Where the frame cannot print (blocked, or the browser shows PDFs only in a tab), the PDF opens
// in a new tab to print from there.

export type PrintOutcome =
  /** The print dialog opened. */
  | { kind: 'dialog' }
  /** The PDF opened in a new tab. */
  | { kind: 'tab' }
  /** Neither worked (pop-ups blocked): offer this link to open it by hand. */
  | { kind: 'link'; url: string };

const LOAD_TIMEOUT_MS = 5_000;
// Object URLs of earlier prints stay valid long enough for a tab or a slow dialog to read them.
const KEEP_URL_MS = 5 * 60_000;

let frame: HTMLIFrameElement | null = null;

function freshFrame(): HTMLIFrameElement {
  frame?.remove();
  const el = document.createElement('iframe');
  el.title = 'Tickets to print';
  el.setAttribute('aria-hidden', 'true');
  el.tabIndex = -1;
  el.dataset.testid = 'print-frame';
  // Not display:none: some browsers do not load (or print) a frame that is not rendered.
  Object.assign(el.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '1px',
    height: '1px',
    border: '0',
    opacity: '0',
    pointerEvents: 'none',
  });
  document.body.append(el);
  frame = el;
  return el;
}

/** Loads `url` into a hidden frame and prints it; false when the frame did not load or print. */
function printInFrame(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const el = freshFrame();
    let settled = false;
    const finish = (printed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      document.removeEventListener('securitypolicyviolation', onBlocked);
      if (!printed) el.remove();
      resolve(printed);
    };
    // A content security policy without blob: frames blocks the load without an error on the frame.
    const onBlocked = (event: SecurityPolicyViolationEvent) => {
      if (event.blockedURI.startsWith('blob:') || event.blockedURI === 'blob') finish(false);
    };
    const timer = setTimeout(() => finish(false), LOAD_TIMEOUT_MS);
    document.addEventListener('securitypolicyviolation', onBlocked);
    el.addEventListener('load', () => {
      // Let the PDF viewer lay out the pages before asking for the dialog.
      setTimeout(() => {
        if (settled) return;
        try {
          const view = el.contentWindow;
          if (!view) return finish(false);
          view.focus();
          view.print();
          finish(true);
        } catch {
          finish(false);
        }
      }, 250);
    });
    el.src = url;
  });
}

/** Prints the PDF, falling back to a new tab, then to a link. */
export async function printPdf(pdf: Blob): Promise<PrintOutcome> {
  const url = URL.createObjectURL(pdf);
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
  if (await printInFrame(url)) return { kind: 'dialog' };
  const tab = window.open(url, '_blank');
  return tab ? { kind: 'tab' } : { kind: 'link', url };
}

/** Removes the print frame (when the receipt closes). */
export function clearPrintFrame(): void {
  frame?.remove();
  frame = null;
}
