// Writes one batch of valid rows inside the caller's transaction: plan it against the directory as
// committed, insert and update the people it accepts with their place in the org tree, set aside the
// rows whose manager is not written yet, and fix org paths and report counts around them.
import type { AnyDb } from '../../platform/db/connect.js';
import type { StoredProblem } from './import/import-problems.js';
import { PLAIN_FIELDS, columnOf } from './import/people-columns.js';
import { planPeopleImport, type ExistingPerson, type ImportLookups, type PlanMode, type PlannedRow } from './import/plan-people-import.js';
import { placeInTree, type TreePlacement } from './import/place-in-tree.js';
import type { ValidRow } from './import/validate-person-row.js';
import * as q from './people-import.queries.js';
import { findRejectedLines } from './import-jobs.queries.js';

export type BatchOutcome = {
  created: number;
  updated: number;
  /** The people written, to find the rows that waited for them. */
  written: { externalIds: string[]; emails: string[] };
  /** Rows set aside for the second pass (read mode). */
  waiting: number;
  /** Lines still waiting for their manager (final mode); they stay set aside. */
  blocked: number[];
  problems: StoredProblem[];
};

/**
 * Plans and writes a batch of one import (`force`: a final batch in which nothing may wait any more).
 * @example await db.transaction().execute((trx) => writeImportBatch({ trx, importId: 7, rows, mode: 'read' }));
 */
export async function writeImportBatch(input: { trx: AnyDb; importId: number; rows: ValidRow[]; mode: PlanMode | 'force' }): Promise<BatchOutcome> {
  const { trx, importId } = input;
  await q.lockPeopleImports(trx);
  const mode = input.mode === 'force' ? 'final' : input.mode;
  const lookups = await loadLookups(trx, importId, input.rows, mode);
  // force: the second pass found nothing else to do, so nothing may wait any longer.
  if (input.mode === 'force') lookups.isWaitingRef = () => false;
  const plan = planPeopleImport(input.rows, lookups, mode);
  const created = plan.rows.filter((r) => !r.existing);
  const updated = plan.rows.filter((r) => r.existing);
  const reserved = await q.reservePersonIds(trx, created.length);
  const newIds = new Map(created.map((row, i) => [row, reserved[i]!]));
  const idOf = (row: PlannedRow) => row.existing?.id ?? newIds.get(row)!;
  const tree = placeInTree(plan.rows, idOf);
  const columns = (row: PlannedRow) => toColumns(row, idOf(row), tree.placements.get(row)!, importId);
  // Managers before their reports, so every row's manager_id references a row already written.
  const depth = (row: PlannedRow) => tree.placements.get(row)!.orgPath.length;
  created.sort((a, b) => depth(a) - depth(b));
  await q.insertPeople(trx, created.map(columns));
  await q.updatePeople(trx, updated.map(columns));
  await q.refreshOrgPathsBelow(trx, tree.movedExternalIds);
  await q.refreshDirectReports(trx, tree.affectedManagerIds);
  await q.insertWaitingRows(trx, importId, plan.waiting);
  return {
    created: created.length,
    updated: updated.length,
    written: {
      externalIds: plan.rows.map((r) => r.record.external_id),
      emails: plan.rows.flatMap((r) => {
        const email = r.present.has('email') ? r.record.email : r.existing?.email;
        return email ? [email] : [];
      }),
    },
    waiting: plan.waiting.length,
    blocked: plan.blocked,
    problems: plan.problems,
  };
}

async function loadLookups(trx: AnyDb, importId: number, rows: ValidRow[], mode: PlanMode): Promise<ImportLookups> {
  const externalIds = rows.map((r) => r.record.external_id);
  const emails = rows.flatMap((r) => (r.present.has('email') && r.record.email ? [r.record.email] : []));
  const refs = [...new Set(rows.flatMap((r) => (r.present.has('manager') && r.record.manager ? [r.record.manager] : [])))];
  const inBatch = new Set(externalIds);
  const [existing, owners, managers, waiting, rejected] = await Promise.all([
    q.findPeopleByExternalIds(trx, externalIds),
    q.findEmailOwners(trx, emails),
    q.findPeopleByRefs(
      trx,
      refs.filter((r) => !inBatch.has(r)),
    ),
    // The first pass also needs the rows waiting with the batch's own keys (duplicates); the second
    // pass's rows were checked for those when they were set aside.
    q.findWaitingByKeys(trx, importId, {
      externalIds: mode === 'read' ? [...externalIds, ...refs] : refs,
      emails: mode === 'read' ? [...emails, ...refs.map((r) => r.toLowerCase())] : refs.map((r) => r.toLowerCase()),
      exceptLines: rows.map((r) => r.line),
    }),
    mode === 'final' ? findRejectedLines(trx, importId, refs) : Promise.resolve(new Map<string, number>()),
  ]);
  const byExternalId = new Map<string, ExistingPerson>();
  const byEmail = new Map<string, ExistingPerson>();
  for (const p of [...managers, ...existing]) {
    byExternalId.set(p.external_id, p);
    if (p.email) byEmail.set(p.email, p);
  }
  const waitingIds = new Map(waiting.map((w) => [w.external_id, w.line]));
  const waitingEmails = new Map(waiting.flatMap((w) => (w.email ? [[w.email, { external_id: w.external_id, line: w.line }] as const] : [])));
  return {
    importId,
    existingByExternalId: new Map(existing.map((p) => [p.external_id, p])),
    emailOwners: new Map(owners.map((o) => [o.email, o])),
    waitingByExternalId: waitingIds,
    waitingByEmail: waitingEmails,
    findManager: (ref) => byExternalId.get(ref) ?? byEmail.get(ref.toLowerCase()),
    isWaitingRef: (ref) => waitingIds.has(ref) || waitingEmails.has(ref.toLowerCase()),
    rejectedLine: (ref) => rejected.get(ref),
  };
}

/** The row as table columns: the fields the file set, the key, its place in the tree and its origin. */
function toColumns(row: PlannedRow, id: number, place: TreePlacement, importId: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id,
    external_id: row.record.external_id,
    manager_id: place.managerId,
    org_path: place.orgPath,
    direct_reports: place.directReports ?? 0,
    import_id: importId,
    import_line: row.line,
  };
  for (const field of PLAIN_FIELDS) {
    if (row.present.has(field)) out[columnOf(field)] = row.record[field] ?? null;
  }
  if (row.present.has('attributes')) {
    if (row.record.attributes === null) out.replace_attributes = true;
    out.attributes = row.record.attributes ?? {};
  }
  return out;
}
