// Campaign fan-out and rendering benchmark. Fan-out: N people and a campaign with four variants
// (novices, leaders, generation Z, the default) in three languages on e-mail and feed; the fan-out
// resolves and writes every delivery in one statement, beside the limit: a bare INSERT … SELECT of the
// very same rows from a table that already holds them. Rendering: the campaign's e-mails rendered for
// people as a sender does (templates compiled once per variant and language, only the person's values
// per mail), in mails per second in this one process, beside compiling and rendering per mail.
// Options: --people N (default 1,000,000 on a server, 50,000 embedded), --render N (default 20,000),
// --embedded.
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config/config.js';
import { compileMessage, createCampaign, renderMessage, templateContext, type CompiledMessage } from '../src/server/modules/campaigns/index.js';
import { fanOutCampaign } from '../src/server/modules/delivery/index.js';
import { findTemplatePeople } from '../src/server/modules/people/index.js';
import { openBenchDatabase } from './bench-database.js';
import { loadPeopleFixture } from './people-fixture.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

const content = (language: string, who: string) => ({
  subject: `${who} (${language}): {{ person.given_name }}, {{ campaign.name }}`,
  preheader: 'Q3 in one minute',
  wiifm: `What it means for you in {{ person.department }}`,
  body: `Hello **{{ person.given_name }}**,\n\nour strategy for Q3 in three points:\n\n1. customers first\n2. fewer tools\n3. one team\n\nAsk {{ person.manager.given_name | default: "your manager" }} for details, or read [the page](https://intranet.example/q3).`,
  cta_label: 'Read the strategy',
  cta_url: 'https://intranet.example/q3',
});
const languages = (who: string) => ({ en: content('en', who), de: content('de', who), nl: content('nl', who) });

export async function run(args: string[]): Promise<void> {
  const embedded = args.includes('--embedded');
  const people = option(args, 'people', embedded ? 50_000 : 1_000_000);
  const renderCount = option(args, 'render', 20_000);
  const database = await openBenchDatabase({ embedded });
  const config = loadConfig({});
  const ctx = { db: database.db, thresholds: config.experienceThresholds, clock: () => new Date() };
  try {
    const loadStarted = performance.now();
    await loadPeopleFixture(database.pool, people);
    await sql`ANALYZE people`.execute(database.db);
    console.log(
      `fan-out benchmark: ${people.toLocaleString('en')} people (loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s) on ${database.label}`,
    );

    const campaign = await createCampaign({
      ...ctx,
      userId: null,
      campaign: {
        name: 'Q3 strategy',
        kind: 'announcement',
        audience: { field: 'status', op: 'eq', value: 'active' },
        default_language: 'en',
        follow_ups: [],
        cascade: null,
        variants: [
          {
            key: 'novices',
            default: false,
            audience: { field: 'experience_level', op: 'eq', value: 'novice' },
            channels: ['email', 'feed'],
            content: languages('novices'),
          },
          {
            key: 'leaders',
            default: false,
            audience: { field: 'is_leader', op: 'eq', value: true },
            channels: ['email', 'feed'],
            content: languages('leaders'),
          },
          {
            key: 'gen-z',
            default: false,
            audience: { field: 'generation', op: 'eq', value: 'gen_z' },
            channels: ['email', 'feed'],
            content: languages('gen-z'),
          },
          { key: 'everyone', default: true, channels: ['email', 'feed'], content: languages('everyone') },
        ],
      },
    });
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${campaign.id}`.execute(database.db);

    const fanStarted = performance.now();
    await fanOutCampaign({ db: database.db, config, clock: () => new Date(), campaignId: campaign.id });
    const fanMs = performance.now() - fanStarted;
    const rows = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM deliveries WHERE campaign_id = ${campaign.id}`.execute(database.db)).rows[0]!.n);

    // The limit: the same rows, already computed, written by a bare INSERT … SELECT into the same table.
    const other = await sql<{ id: number }>`
      INSERT INTO campaigns (name, kind, audience, default_language) VALUES ('limit', 'announcement', '{}', 'en') RETURNING id`.execute(database.db);
    await sql`CREATE TABLE bench_rows AS SELECT person_id, channel, variant_key, language, state, reason, sent_at FROM deliveries WHERE campaign_id = ${campaign.id}`.execute(
      database.db,
    );
    await sql`ANALYZE bench_rows`.execute(database.db);
    const limitStarted = performance.now();
    await sql`
      INSERT INTO deliveries (campaign_id, step, person_id, channel, variant_key, language, state, reason, sent_at)
      SELECT ${other.rows[0]!.id}, 0, person_id, channel, variant_key, language, state, reason, sent_at FROM bench_rows`.execute(database.db);
    const limitMs = performance.now() - limitStarted;
    const byVariant = await sql<{ variant_key: string; n: string }>`
      SELECT variant_key, count(*) AS n FROM deliveries WHERE campaign_id = ${campaign.id} AND channel = 'email' GROUP BY variant_key ORDER BY variant_key`.execute(
      database.db,
    );
    console.log(
      `  deliveries written: ${rows.toLocaleString('en')} (e-mail by variant: ${byVariant.rows.map((r) => `${r.variant_key} ${Number(r.n).toLocaleString('en')}`).join(', ')})`,
    );
    console.log(
      `  fan-out (resolution + write, one statement)   ${(fanMs / 1000).toFixed(2).padStart(8)} s   ${Math.round(rows / (fanMs / 1000)).toLocaleString('en')} rows/s`,
    );
    console.log(
      `  bare INSERT … SELECT of the same rows: limit  ${(limitMs / 1000).toFixed(2).padStart(8)} s   ${Math.round(rows / (limitMs / 1000)).toLocaleString('en')} rows/s`,
    );
    const factor = fanMs / limitMs;
    console.log(`  fan-out takes ${factor.toFixed(2)}x the limit (goal: within 2x: ${factor <= 2 ? 'met' : 'not met'})`);

    // Rendering, in this process: the people of the first e-mail deliveries with their variant and language.
    const sample = await sql<{ person_id: number; variant_key: string; language: string }>`
      SELECT person_id, variant_key, language FROM deliveries WHERE campaign_id = ${campaign.id} AND channel = 'email' ORDER BY id LIMIT ${renderCount}`.execute(
      database.db,
    );
    const persons = await findTemplatePeople({ db: database.db, ids: sample.rows.map((r) => r.person_id) });
    const contentOf = (variant: string, language: string) => campaign.variants.find((v) => v.key === variant)!.content[language]!;
    const cache = new Map<string, Promise<CompiledMessage>>();
    const cached = (variant: string, language: string) => {
      const key = `${variant}/${language}`;
      if (!cache.has(key)) cache.set(key, compileMessage(contentOf(variant, language), config.brand, language));
      return cache.get(key)!;
    };
    let bytes = 0;
    const renderStarted = performance.now();
    for (const row of sample.rows) {
      const mail = await renderMessage(await cached(row.variant_key, row.language), templateContext(persons.get(row.person_id)!, campaign));
      bytes += mail.html.length;
    }
    const renderMs = performance.now() - renderStarted;
    const naiveCount = Math.min(500, sample.rows.length);
    const naiveStarted = performance.now();
    for (const row of sample.rows.slice(0, naiveCount)) {
      const compiled = await compileMessage(contentOf(row.variant_key, row.language), config.brand, row.language);
      await renderMessage(compiled, templateContext(persons.get(row.person_id)!, campaign));
    }
    const naiveMs = performance.now() - naiveStarted;
    const rate = sample.rows.length / (renderMs / 1000);
    const naiveRate = naiveCount / (naiveMs / 1000);
    console.log(
      `  rendering ${sample.rows.length.toLocaleString('en')} personalised mails (${Math.round(bytes / sample.rows.length).toLocaleString('en')} bytes of HTML each)`,
    );
    console.log(`    compiled once per variant and language   ${Math.round(rate).toLocaleString('en').padStart(8)} mails/s`);
    console.log(`    compiled for every mail (naive, ${naiveCount})        ${Math.round(naiveRate).toLocaleString('en').padStart(8)} mails/s`);
    console.log(`    ratio ${(rate / naiveRate).toFixed(1)}x; goal 5,000 mails/s per process: ${rate >= 5000 ? 'met' : 'not met'}`);
  } finally {
    await database.drop();
  }
}
