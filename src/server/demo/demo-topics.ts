// The demo's topics: company news, which everyone follows unless they unsubscribe (the welcome campaign
// belongs to it), and the canteen menu, which people follow only if they choose to, in the feed.
import type { AnyDb } from '../platform/db/connect.js';
import { createTopic, findTopic } from '../modules/preferences/index.js';
import type { TopicValues } from '../../shared/preferences.js';

export const DEMO_NEWS_TOPIC = 'company-news';

const TOPICS: TopicValues[] = [
  {
    key: DEMO_NEWS_TOPIC,
    names: { en: 'Company news', de: 'Unternehmensnachrichten', nl: 'Bedrijfsnieuws' },
    descriptions: { en: 'What is new across the company', de: 'Was es im Unternehmen Neues gibt', nl: 'Wat er nieuw is in het bedrijf' },
    default_subscribed: true,
    default_channels: null,
    enabled: true,
  },
  {
    key: 'canteen',
    names: { en: 'Canteen menu', de: 'Speiseplan', nl: 'Menu van de kantine' },
    descriptions: { en: 'The week’s menu', de: 'Der Speiseplan der Woche', nl: 'Het menu van de week' },
    default_subscribed: false,
    default_channels: ['feed'],
    enabled: true,
  },
];

/** Creates the demo's topics that are missing. */
export async function ensureDemoTopics(input: { db: AnyDb }): Promise<void> {
  for (const topic of TOPICS) if (!(await findTopic({ db: input.db, key: topic.key }))) await createTopic({ db: input.db, topic });
}
