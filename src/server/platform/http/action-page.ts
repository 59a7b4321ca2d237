// A small page for a link in mail that changes something (unsubscribe, acknowledge): a GET shows it
// with one button that POSTs back to the same address, because mail scanners follow every link but
// never submit a form. No script (the CSP forbids inline ones), only a little inline style.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

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

/** What a signed link's token names, in the language its page is shown in. */
export type LinkTarget = { lang: 'en' | 'de' | 'nl' };

/**
 * Registers `GET path` (the page with its button, changing nothing) and `POST path` (the change, then
 * a page saying it is done) for a link in mail whose `:token` is the only authority: no session, no
 * CSRF token; a token that `resolve` does not accept, or a change `act` refuses, is a 404 page. The
 * form bodies mail clients post (RFC 8058 §3.2) are read and ignored.
 * @example registerLinkAction(app, { path: '/a/:token', resolve, confirm: (t, action) => ({...}), act: async (t) => ({...}), gone });
 */
export function registerLinkAction<T extends LinkTarget>(
  app: FastifyInstance,
  input: {
    /** `/x/:token`. */
    path: string;
    resolve: (token: string) => Promise<T | null>;
    /** The GET page; `action` is the address its button posts to. */
    confirm: (target: T, action: string) => ActionPage;
    /** Makes the change and says so; null when there was nothing to change (a 404 page). */
    act: (target: T, request: FastifyRequest) => Promise<ActionPage | null>;
    /** The 404 page, in the target's language when the token was good. */
    gone: (target: T | null) => ActionPage;
  },
): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
      done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const route = { schema: { hide: true, params: z.object({ token: z.string().max(2100) }) }, config: { access: { public: true as const } } };
    r.get(input.path, route, async (request, reply) => {
      const target = await input.resolve(request.params.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!target) return reply.status(404).send(actionPage(input.gone(null)));
      return actionPage(input.confirm(target, input.path.replace(':token', request.params.token)));
    });
    r.post(input.path, route, async (request, reply) => {
      const target = await input.resolve(request.params.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const done = target ? await input.act(target, request) : null;
      if (!done) return reply.status(404).send(actionPage(input.gone(target)));
      return actionPage(done);
    });
  });
}
