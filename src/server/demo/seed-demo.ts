// The demo organisation: generated people and their contributions (evidence for expert search)
// imported through the ordinary imports, the labels of its departments and codes in en/de/nl, and one
// login per role (admin, communicator, leader, employee) linked to fitting people, all with fresh
// passwords; and a welcome campaign as a draft for the communicator, with a quiz, and an anonymous
// monthly eNPS pulse.
import { sql } from 'kysely';
import type { AnyDb } from '../platform/db/connect.js';
import type { ImportReport } from '../../shared/people.js';
import type { Role } from '../../shared/identity.js';
import { countPeople, demoFieldLabels, findDemoCandidates, generateDemoPeople, importPeopleRows, saveFieldLabels } from '../modules/people/index.js';
import { generatePassword, upsertUserWithPassword } from '../modules/identity/index.js';
import { generateDemoContributions, importContributionsFile } from '../modules/expertise/index.js';
import type { Thresholds } from '../modules/people/index.js';
import { listCampaigns } from '../modules/campaigns/index.js';
import { createDemoCampaign } from './demo-campaign.js';
import { createDemoSurveys } from './demo-surveys.js';
import { ensureDemoTopics } from './demo-topics.js';
import { createDemoAdvocacyContent } from './demo-advocacy-content.js';
import { createDemoAdvocacyWaves } from './demo-advocacy-waves.js';
import { createDemoReferrals } from './demo-referrals.js';

export type DemoLogin = { role: Role; email: string; password: string; name: string };

export const DEMO_ADMIN_EMAIL = 'admin@resonance-demo.example';

/**
 * Imports `people` generated people and their contributions when the directory is empty (or `force`;
 * both upsert by external_id), then (re)sets the demo logins.
 * @example const { logins } = await seedDemo({ db, people: 2000 }); // logins[0].role === 'admin'
 */
export async function seedDemo(input: {
  db: AnyDb;
  people: number;
  force?: boolean;
  seed?: number;
  asOf?: string;
  /** To save the welcome campaign draft (its rules are checked): the deployment's thresholds and address. */
  campaign?: { thresholds: Thresholds; publicUrl: string };
}): Promise<{ report: ImportReport | null; contributions: ImportReport | null; logins: DemoLogin[] }> {
  let report: ImportReport | null = null;
  let contributions: ImportReport | null = null;
  if (input.force || (await countPeople({ db: input.db })) === 0) {
    const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
    const people = generateDemoPeople({ count: input.people, seed: input.seed ?? 42, asOf });
    report = await importPeopleRows({
      db: input.db,
      rows: people.map((value: unknown, i: number) => ({ line: i + 1, value: value as Record<string, unknown> })),
    });
    await saveFieldLabels({ db: input.db, labels: demoFieldLabels() });
    const written = generateDemoContributions({ people, asOf });
    contributions = await importContributionsFile({ db: input.db, text: written.map((c) => JSON.stringify(c)).join('\n') });
    await ensureDemoTopics({ db: input.db });
    await createDemoAdvocacyWaves({ db: input.db });
    await createDemoReferrals({ db: input.db });
    if (input.campaign && (await listCampaigns({ db: input.db, limit: 1 })).items.length === 0) {
      const campaignId = await createDemoCampaign({ db: input.db, ...input.campaign });
      await createDemoSurveys({ db: input.db, campaignId });
    }
    // The advocacy library is seeded also without a campaign (the browser tests' server): its items have
    // no audience rule, so the thresholds only matter to a deployment's own.
    await createDemoAdvocacyContent({
      db: input.db,
      thresholds: input.campaign?.thresholds ?? { noviceBelow: 3, midBelow: 10 },
      publicUrl: input.campaign?.publicUrl ?? 'http://localhost:8080',
      sharers: await demoSharers(input.db),
    });
  }
  return { report, contributions, logins: await resetDemoLogins(input.db) };
}

/** A few active demo people to share the demo content: every 97th, never the demo logins' people. */
async function demoSharers(db: AnyDb): Promise<number[]> {
  const { root, leader, employee } = await findDemoCandidates({ db });
  const logins = new Set([root?.id, leader?.id, employee?.id].filter((id) => id !== undefined).map(Number));
  const { rows } = await sql<{ id: number }>`SELECT id FROM people WHERE status = 'active' ORDER BY id`.execute(db);
  return rows
    .map((r) => Number(r.id))
    .filter((id, i) => i % 97 === 5 && !logins.has(id))
    .slice(0, 8);
}

async function resetDemoLogins(db: AnyDb): Promise<DemoLogin[]> {
  const { root, leader, employee } = await findDemoCandidates({ db });
  type Wanted = { role: Role; email: string; name: string; personId: number | null };
  const linked = (role: Role, p: { id: number; email: string; given_name: string; family_name: string } | undefined): Wanted[] =>
    p ? [{ role, email: p.email, name: `${p.given_name} ${p.family_name}`, personId: p.id }] : [];
  const wanted: Wanted[] = [
    { role: 'admin', email: DEMO_ADMIN_EMAIL, name: 'Demo Admin', personId: null },
    ...linked('communicator', root),
    ...linked('leader', leader),
    ...linked('employee', employee),
  ];
  const logins: DemoLogin[] = [];
  for (const w of wanted) {
    const password = generatePassword();
    await upsertUserWithPassword({ db, email: w.email, displayName: w.name, role: w.role, password, personId: w.personId });
    logins.push({ role: w.role, email: w.email, password, name: w.name });
  }
  return logins;
}
