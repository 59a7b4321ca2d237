// /u/:token, RFC 8058 one-click unsubscribe: a POST (what a mail client sends with
// `List-Unsubscribe=One-Click`, or the page's button) unsubscribes at once, without a session; the
// signed token is the authority. A GET never changes anything (link scanners follow every link): it
// shows a page in the person's language with the button. A token that does not verify is a 404.
import type { FastifyInstance } from 'fastify';
import { pageLanguage, registerLinkAction } from '../../platform/http/action-page.js';
import { findTemplatePeople } from '../people/index.js';
import type { ModuleContext } from '../module-context.js';
import { unsubscribeFromTopic } from './preferences.service.js';
import { findTopic, topicName } from './topics.service.js';
import { readUnsubscribeToken } from './unsubscribe-link.js';

const TEXTS = {
  en: {
    title: 'Unsubscribe',
    ask: 'Stop receiving messages about “{topic}”? Must-read messages still reach you.',
    button: 'Unsubscribe',
    done: 'You no longer receive messages about “{topic}”. You can change this in your preferences.',
    gone: 'This link is not valid.',
  },
  de: {
    title: 'Abmelden',
    ask: 'Keine Nachrichten zum Thema „{topic}“ mehr erhalten? Pflichtlektüre erreicht Sie weiterhin.',
    button: 'Abmelden',
    done: 'Sie erhalten keine Nachrichten zum Thema „{topic}“ mehr. Das können Sie in Ihren Einstellungen ändern.',
    gone: 'Dieser Link ist nicht gültig.',
  },
  nl: {
    title: 'Afmelden',
    ask: 'Geen berichten over ‘{topic}’ meer ontvangen? Verplichte berichten bereiken u nog steeds.',
    button: 'Afmelden',
    done: 'U ontvangt geen berichten over ‘{topic}’ meer. U kunt dit wijzigen in uw voorkeuren.',
    gone: 'Deze link is niet geldig.',
  },
} as const;

export function registerUnsubscribeRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  registerLinkAction(app, {
    path: '/u/:token',
    /** What the token names, in the person's language; null when it does not verify or is gone. */
    async resolve(token) {
      const named = await readUnsubscribeToken({ db: ctx.db, config: ctx.config, token });
      if (!named) return null;
      const [topic, people] = await Promise.all([findTopic({ db: ctx.db, key: named.topicKey }), findTemplatePeople({ db: ctx.db, ids: [named.personId] })]);
      const person = people.get(named.personId);
      if (!topic || !person) return null;
      const lang = pageLanguage(person.language);
      return { ...named, lang, texts: TEXTS[lang], topic: topicName(topic, lang) };
    },
    confirm: (found, action) => ({
      lang: found.lang,
      title: found.texts.title,
      message: found.texts.ask.replace('{topic}', found.topic),
      // What a mail client posts for RFC 8058, so the button and the client's one-click look alike.
      button: { label: found.texts.button, action, fields: { 'List-Unsubscribe': 'One-Click' } },
    }),
    async act(found, request) {
      if (!(await unsubscribeFromTopic({ db: ctx.db, personId: found.personId, topicKey: found.topicKey }))) return null;
      request.log.info({ personId: found.personId, topic: found.topicKey }, 'one-click unsubscribe');
      return { lang: found.lang, title: found.texts.title, message: found.texts.done.replace('{topic}', found.topic) };
    },
    gone: (found) => ({ lang: found?.lang ?? 'en', title: TEXTS[found?.lang ?? 'en'].title, message: TEXTS[found?.lang ?? 'en'].gone }),
  });
}
