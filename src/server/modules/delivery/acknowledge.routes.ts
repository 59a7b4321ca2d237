// /a/:token, acknowledging a must-read from its e-mail: a GET shows a page in the person's language
// with one button (scanners follow links, never forms), the POST records the acknowledgement through
// the same code as the feed's button, so it counts on every channel and stops `not_acknowledged`
// follow-ups. No session is needed: the signed token is the authority. A bad token is a 404.
import type { FastifyInstance } from 'fastify';
import { pageLanguage, registerLinkAction } from '../../platform/http/action-page.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { findTemplatePeople } from '../people/index.js';
import type { ModuleContext } from '../module-context.js';
import { readAcknowledgeToken } from './acknowledge-link.js';
import { acknowledgeMustRead } from './feed.service.js';
import * as q from './delivery.queries.js';

const TEXTS = {
  en: {
    title: 'Acknowledge',
    ask: 'Confirm that you have read “{campaign}”.',
    button: 'I have read it',
    done: 'Thank you: your acknowledgement of “{campaign}” is recorded.',
    gone: 'This link is not valid.',
  },
  de: {
    title: 'Bestätigen',
    ask: 'Bestätigen Sie, dass Sie „{campaign}“ gelesen haben.',
    button: 'Ich habe es gelesen',
    done: 'Danke: Ihre Bestätigung für „{campaign}“ ist gespeichert.',
    gone: 'Dieser Link ist nicht gültig.',
  },
  nl: {
    title: 'Bevestigen',
    ask: 'Bevestig dat u ‘{campaign}’ hebt gelezen.',
    button: 'Ik heb het gelezen',
    done: 'Dank u: uw bevestiging van ‘{campaign}’ is opgeslagen.',
    gone: 'Deze link is niet geldig.',
  },
} as const;

export function registerAcknowledgeRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  registerLinkAction(app, {
    path: '/a/:token',
    async resolve(token) {
      const deliveryId = await readAcknowledgeToken({ db: ctx.db, config: ctx.config, token });
      const owner = deliveryId === null ? null : await q.findDeliveryOwner(ctx.db, deliveryId);
      if (!owner) return null;
      const campaign = await getCampaignDefinition({ db: ctx.db, id: owner.campaign_id });
      const person = (await findTemplatePeople({ db: ctx.db, ids: [owner.person_id] })).get(owner.person_id);
      if (campaign.kind !== 'must_read' || !person) return null;
      const lang = pageLanguage(person.language);
      return { owner, lang, texts: TEXTS[lang], name: campaign.name };
    },
    confirm: (found, action) => ({
      lang: found.lang,
      title: found.texts.title,
      message: found.texts.ask.replace('{campaign}', found.name),
      button: { label: found.texts.button, action },
    }),
    async act(found) {
      await acknowledgeMustRead({ db: ctx.db, campaignId: found.owner.campaign_id, personId: found.owner.person_id, channel: 'email' });
      return { lang: found.lang, title: found.texts.title, message: found.texts.done.replace('{campaign}', found.name) };
    },
    gone: () => ({ lang: 'en', title: TEXTS.en.title, message: TEXTS.en.gone }),
  });
}
