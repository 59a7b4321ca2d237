// The people import, end to end: plan against the directory, then write every accepted row in one
// transaction (inserts, updates, manager links, org paths, report counts). Bad rows are reported with
// their line; they never stop the good ones.
import type { AnyDb } from '../../platform/db/connect.js';
import type { ImportReport } from '../../../shared/people.js';
import { parsePeopleFile, type PeopleFileFormat, type RawPersonRow } from './import/parse-people-file.js';
import { planPeopleImport, type ExistingPerson, type PlannedRow } from './import/plan-people-import.js';
import { PLAIN_FIELDS, columnOf } from './import/people-columns.js';
import { placeInTree, type TreePlacement } from './import/place-in-tree.js';
import { rejectBadText } from './import/reject-bad-text.js';
import * as q from './people-import.queries.js';

const BATCH = 2000;

/**
 * Imports a CSV or JSON Lines file.
 * @example const report = await importPeopleFile({ db, text, format: 'csv' }); // { created: 3, errors: [...] }
 */
export async function importPeopleFile(input: { db: AnyDb; text: string; format: PeopleFileFormat }): Promise<ImportReport> {
  const parsed = parsePeopleFile(input.text, input.format);
  const report = await importPeopleRows({ db: input.db, rows: parsed.rows });
  const errors = [...parsed.errors, ...report.errors].sort((a, b) => a.line - b.line);
  return { ...report, rows: report.rows + parsed.errors.length, rejected: errors.length, errors };
}

/** Imports rows already read from a file (or generated, as the demo does). */
export async function importPeopleRows(input: { db: AnyDb; rows: RawPersonRow[] }): Promise<ImportReport> {
  const readable = rejectBadText(input.rows);
  return input.db.transaction().execute(async (trx) => {
    await q.lockPeopleImports(trx);
    const lookups = await loadLookups(trx, readable.rows);
    const plan = planPeopleImport(readable.rows, lookups);
    plan.errors.push(...readable.errors);
    plan.errors.sort((a, b) => a.line - b.line);
    const created = plan.rows.filter((r) => !r.existing);
    const updated = plan.rows.filter((r) => r.existing);
    const reserved = await q.reservePersonIds(trx, created.length);
    const newIds = new Map(created.map((row, i) => [row, reserved[i]!]));
    const tree = placeInTree(plan.rows, (row) => row.existing?.id ?? newIds.get(row)!);
    const columns = (row: PlannedRow) => toColumns(row, row.existing?.id ?? newIds.get(row)!, tree.placements.get(row)!);
    // Managers before their reports, so every batch's manager_id references rows already written.
    const depth = (row: PlannedRow) => tree.placements.get(row)!.orgPath.length;
    created.sort((a, b) => depth(a) - depth(b));
    for (let i = 0; i < created.length; i += BATCH) await q.insertPeople(trx, created.slice(i, i + BATCH).map(columns));
    for (let i = 0; i < updated.length; i += BATCH) await q.updatePeople(trx, updated.slice(i, i + BATCH).map(columns));
    await q.refreshOrgPathsBelow(trx, tree.movedExternalIds);
    await q.refreshDirectReports(trx, tree.affectedManagerIds);
    return { rows: input.rows.length, created: created.length, updated: updated.length, rejected: plan.errors.length, errors: plan.errors };
  });
}

async function loadLookups(trx: AnyDb, rows: RawPersonRow[]) {
  const externalIds = new Set<string>();
  const emails = new Set<string>();
  const refs = new Set<string>();
  for (const { value } of rows) {
    if (typeof value.external_id === 'string') externalIds.add(value.external_id.trim());
    if (typeof value.email === 'string') emails.add(value.email.trim().toLowerCase());
    if (typeof value.manager === 'string' && value.manager.trim() !== '') refs.add(value.manager.trim());
  }
  const [existing, owners, managers] = await Promise.all([
    q.findPeopleByExternalIds(trx, [...externalIds]),
    q.findEmailOwners(trx, [...emails]),
    q.findPeopleByRefs(
      trx,
      [...refs].filter((r) => !externalIds.has(r)),
    ),
  ]);
  const byRef = new Map<string, ExistingPerson>();
  for (const m of [...managers, ...existing]) {
    byRef.set(m.external_id, m);
    byRef.set(m.email, m);
  }
  return {
    existingByExternalId: new Map(existing.map((p) => [p.external_id, p])),
    emailOwners: new Map(owners.map((o) => [o.email, o.external_id])),
    findManager: (ref: string) => byRef.get(ref) ?? byRef.get(ref.toLowerCase()),
  };
}

/** The row as table columns: the fields the file set, the key, and its place in the tree. */
function toColumns(row: PlannedRow, id: number, place: TreePlacement): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id,
    external_id: row.record.external_id,
    manager_id: place.managerId,
    org_path: place.orgPath,
    direct_reports: place.directReports ?? 0,
  };
  for (const field of PLAIN_FIELDS) {
    if (row.present.has(field)) out[columnOf(field)] = row.record[field] ?? null;
  }
  if (row.present.has('attributes')) out.attributes = row.record.attributes ?? {};
  return out;
}
