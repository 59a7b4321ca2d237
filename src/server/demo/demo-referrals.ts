// The demo's referrals (ADR 0034): a handful of customers and candidates referred by people outside
// Sales and Human Resources over the last months, spread across the pipeline (a win gives its
// referrer points as in real use). The owning teams are the defaults' department names.
import { sql } from 'kysely';
import type { AnyDb } from '../platform/db/connect.js';
import type { ReferralStatus } from '../../shared/advocacy.js';
import { createReferral, moveReferral, type ReferralTeams } from '../modules/advocacy/referrals.service.js';

const DAY = 86_400_000;
const TEAMS: ReferralTeams = { customer: 'Sales', candidate: 'Human Resources' };

type DemoReferral = {
  kind: 'customer' | 'candidate';
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  note?: string;
  method: 'verbal' | 'written' | 'email' | 'form';
  daysAgo: number;
  path: ReferralStatus[];
};

const REFERRALS: DemoReferral[] = [
  {
    kind: 'customer',
    name: 'Miriam Koster',
    email: 'm.koster@lindqvist-logistik.example',
    company: 'Lindqvist Logistik',
    note: 'Looking for a new supplier in spring.',
    method: 'verbal',
    daysAgo: 75,
    path: ['contacted', 'qualified', 'won'],
  },
  {
    kind: 'customer',
    name: 'Pieter de Graaf',
    email: 'pieter@graaf-bouw.example',
    company: 'De Graaf Bouw',
    method: 'email',
    daysAgo: 52,
    path: ['contacted', 'lost'],
  },
  {
    kind: 'customer',
    name: 'Sabine Hartmann',
    phone: '+49 89 555 0142',
    company: 'Hartmann Feinkost',
    method: 'verbal',
    daysAgo: 30,
    path: ['contacted', 'qualified'],
  },
  { kind: 'customer', name: 'Tom Verbeek', email: 'tom.verbeek@verbeek-ict.example', company: 'Verbeek ICT', method: 'written', daysAgo: 9, path: [] },
  {
    kind: 'candidate',
    name: 'Lena Brandt',
    email: 'lena.brandt@mail.example',
    note: 'Backend developer, open to a move in summer.',
    method: 'email',
    daysAgo: 60,
    path: ['contacted', 'qualified', 'won'],
  },
  { kind: 'candidate', name: 'Jonas Weber', phone: '+49 30 555 0199', method: 'verbal', daysAgo: 21, path: ['contacted'] },
  { kind: 'candidate', name: 'Anouk Jansen', email: 'anouk.jansen@mail.example', method: 'form', daysAgo: 4, path: [] },
];

/**
 * Adds the demo referrals when there are none yet; referrers are people outside the owning teams.
 * @example await createDemoReferrals({ db, now: new Date() });
 */
export async function createDemoReferrals(input: { db: AnyDb; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  if ((await sql<{ n: number }>`SELECT count(*)::int AS n FROM referrals`.execute(input.db)).rows[0]!.n > 0) return 0;
  const referrers = (
    await sql<{ id: number }>`SELECT id::int AS id FROM people WHERE department IS NOT NULL AND department NOT IN (${TEAMS.customer}, ${TEAMS.candidate})
      ORDER BY id LIMIT ${REFERRALS.length}`.execute(input.db)
  ).rows;
  if (referrers.length === 0) return 0;
  const caller = { personId: null, userId: null, manager: true };
  for (const [i, r] of REFERRALS.entries()) {
    const start = new Date(now.getTime() - r.daysAgo * DAY);
    const created = await createReferral({
      db: input.db,
      referrerId: referrers[i % referrers.length]!.id,
      teams: TEAMS,
      now: start,
      input: { kind: r.kind, name: r.name, email: r.email, phone: r.phone, company: r.company, note: r.note, consent: { given: true, method: r.method } },
    });
    for (const [step, status] of r.path.entries()) {
      const at = new Date(start.getTime() + ((step + 1) * r.daysAgo * DAY) / (r.path.length + 1));
      await moveReferral({ db: input.db, caller, teams: TEAMS, id: created.id, status, now: at });
    }
  }
  return REFERRALS.length;
}
