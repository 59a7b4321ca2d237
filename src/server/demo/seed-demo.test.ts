// The demo organisation: people with contributions about their skills, so a newcomer's search in any
// of the three languages finds colleagues with evidence, and a second seed changes nothing; and the
// welcome campaign draft, which reaches everyone in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/test-runtime.js';
import { findExperts, generateDemoContributions } from '../modules/expertise/index.js';
import { generateDemoPeople, SKILL_CATALOGUE } from '../modules/people/index.js';
import { campaignAssignments, listCampaigns } from '../modules/campaigns/index.js';
import { listSurveys, runSurveyScheduler } from '../modules/dialogue/index.js';
import { seedDemo } from './seed-demo.js';

const AS_OF = '2026-11-28';
let t: TestRuntime;
let first: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  t = await startTestRuntime();
  first = await seedDemo({
    db: t.database.db,
    people: 150,
    asOf: AS_OF,
    campaign: { thresholds: t.config.experienceThresholds, publicUrl: t.config.publicUrl },
  });
});
afterAll(async () => t?.close());

describe('demo contributions', () => {
  it("are the same on every run, in each author's language, about a skill they list", () => {
    const people = generateDemoPeople({ count: 150, seed: 42, asOf: AS_OF });
    const first = generateDemoContributions({ people, asOf: AS_OF });
    expect(generateDemoContributions({ people, asOf: AS_OF })).toEqual(first);
    expect(first.length).toBeGreaterThan(100);
    const byId = new Map(people.map((p) => [p.external_id, p]));
    for (const c of first) {
      const author = byId.get(c.person)!;
      expect(author.skills).toContain(c.tags[0]);
      expect(c.language).toBe((author.language ?? 'en').split('-')[0]);
      expect(c.created_at < `${AS_OF}T23:59:59Z`).toBe(true);
    }
  });

  it('are imported with the people, so search explains itself with evidence', async () => {
    expect(first.contributions).toMatchObject({ rejected: 0, errors: [] });
    expect(first.contributions!.created).toBeGreaterThan(100);
    const people = generateDemoPeople({ count: 150, seed: 42, asOf: AS_OF });
    const german = generateDemoContributions({ people, asOf: AS_OF }).find((c) => c.language === 'de')!;
    const skill = SKILL_CATALOGUE.find((s) => s.tag === german.tags[0])!;
    const { results } = await findExperts({ db: t.database.db, q: `Wer kennt sich mit ${skill.labels.de} aus?`, limit: 5 });
    expect(results[0]!.reasons.some((r) => /^(answered|posted|wrote) "/.test(r))).toBe(true);
    expect(results[0]!.person.skills).toContain(skill.tag);
  });

  it('are left alone by a second seed, and upserted, not doubled, by a forced one', async () => {
    expect((await seedDemo({ db: t.database.db, people: 150, asOf: AS_OF })).contributions).toBeNull();
    const again = await seedDemo({ db: t.database.db, people: 150, asOf: AS_OF, force: true });
    expect(again.contributions).toMatchObject({ created: 0, updated: first.contributions!.created, rejected: 0 });
  });
});

describe('the demo campaign', () => {
  it('is a draft reaching every active person in their language, saved once however often the demo is seeded', async () => {
    await seedDemo({
      db: t.database.db,
      people: 150,
      asOf: AS_OF,
      force: true,
      campaign: { thresholds: t.config.experienceThresholds, publicUrl: t.config.publicUrl },
    });
    const { items } = await listCampaigns({ db: t.database.db, limit: 10 });
    expect(items.map((c) => [c.name, c.status])).toEqual([['Welcome to Resonance', 'draft']]);
    const assignments = await campaignAssignments({ db: t.database.db, thresholds: t.config.experienceThresholds, clock: () => new Date(), id: items[0]!.id });
    expect(assignments.total).toBeGreaterThan(100);
    expect(new Set(assignments.by.map((b) => b.variant))).toEqual(new Set(['newcomers', 'experienced', 'everyone']));
    expect(new Set(assignments.by.map((b) => b.language))).toEqual(new Set(['en', 'de', 'nl']));
  });
});

describe('the demo surveys', () => {
  it('are an anonymous eNPS pulse whose first round the scheduler opens, and a quiz on the welcome campaign, saved once', async () => {
    const { items } = await listSurveys({ db: t.database.db, clock: () => new Date(), limit: 10 });
    expect(items.map((s) => [s.kind, s.anonymous, s.status])).toEqual([
      ['quiz', false, 'open'],
      ['enps', true, 'open'],
    ]);
    const [quiz, pulse] = items;
    const { items: campaigns } = await listCampaigns({ db: t.database.db, limit: 10 });
    expect(quiz!.campaign).toBe(campaigns[0]!.id);
    expect(quiz!.current_round).toBe(1);
    expect(pulse!.segment_keys).toEqual(['generation', 'experience_level', 'department']);
    // Texts in every language the demo's people read.
    expect(JSON.stringify(pulse!.definition)).toContain('"nl":"Hoe waarschijnlijk');
    const outcome = await runSurveyScheduler({ db: t.database.db, config: t.config, jobs: t.jobs, clock: () => new Date(Date.now() + 60_000) });
    expect(outcome.opened).toEqual([{ survey: pulse!.id, round: 1, campaign: null }]);
  });
});
