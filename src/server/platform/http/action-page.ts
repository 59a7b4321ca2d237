// A small page for a link in mail that changes something (unsubscribe, acknowledge): a GET shows it
// with one button that POSTs back to the same address, because mail scanners follow every link but
// never submit a form. No script (the CSP forbids inline ones), only a little inline style.

export type ActionPage = {
  /** The page's language (`de`); texts are already in it. */
  lang: string;
  title: string;
  message: string;
  /** A button posting to `action` with `fields`; absent on a page that only reports what happened. */
  button?: { label: string; action: string; fields?: Record<string, string> };
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The page's HTML.
 * @example reply.type('text/html; charset=utf-8').send(actionPage({ lang: 'de', title: 'Abmelden', message: '…', button: { label: 'Abmelden', action: '/u/abc' } }));
 */
export function actionPage(page: ActionPage): string {
  const fields = Object.entries(page.button?.fields ?? {})
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  const form = page.button
    ? `<form method="post" action="${escape(page.button.action)}">${fields}<button type="submit">${escape(page.button.label)}</button></form>`
    : '';
  return `<!doctype html>
<html lang="${escape(page.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(page.title)}</title>
<style>body{font-family:Helvetica,Arial,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}button{font-size:1rem;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1c7ed6;color:#fff;cursor:pointer}</style>
</head><body><h1>${escape(page.title)}</h1><p>${escape(page.message)}</p>${form}</body></html>`;
}

/** The page language for a person's language tag: en, de or nl. */
export function pageLanguage(tag: string | null | undefined): 'en' | 'de' | 'nl' {
  const primary = (tag ?? '').toLowerCase().split('-')[0];
  return primary === 'de' || primary === 'nl' ? primary : 'en';
}
