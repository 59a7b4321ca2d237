// The demo's onboarding plan (issue 12, ADR 0033): wave 1 of the suggested plan (the active and well
// connected), planned a week ahead and not yet invited, and a first snapshot of people by stage so the
// adoption chart has a start. Demo people already carry stages from the generator.
import type { AnyDb } from '../platform/db/connect.js';
import { planSuggestedWave, snapshotStages } from '../modules/advocacy/index.js';

export async function createDemoAdvocacyWaves(input: { db: AnyDb; now?: Date }): Promise<{ waveId: number | null }> {
  const now = input.now ?? new Date();
  const plannedFor = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const waveId = await planSuggestedWave({
    db: input.db,
    number: 1,
    name: 'Wave 1: the active and well connected',
    coaching: 'You already share and write: use the library as a source, add your own view, and tell us what works.',
    plannedFor,
  });
  await snapshotStages({ db: input.db, at: now });
  return { waveId };
}
