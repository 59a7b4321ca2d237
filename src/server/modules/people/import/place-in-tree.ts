// Where each imported row sits in the org tree after the import: its manager's id, its ancestor path
// (DESIGN §3.1 org tree, ADR 0003) and, for new people, how many active reports they have. Worked out
// in memory so every row is written once; people outside the file below a moved row are fixed by SQL.
import type { PlannedRow } from './plan-people-import.js';

export type TreePlacement = { managerId: number | null; orgPath: number[]; directReports: number | null };

export type TreeChanges = {
  placements: Map<PlannedRow, TreePlacement>;
  /** Existing people in the file whose path changed: the people below them not in the file follow. */
  movedExternalIds: string[];
  /** Existing managers whose active-report count may have changed. */
  affectedManagerIds: number[];
};

/**
 * Places rows whose `id` is known (existing ids, or ids reserved for new people).
 * @example placeInTree(plan.rows, idOf).placements.get(row)!.orgPath // [1, 7, 42]
 */
export function placeInTree(rows: PlannedRow[], idOf: (row: PlannedRow) => number): TreeChanges {
  const byOldId = new Map<number, PlannedRow>();
  for (const row of rows) if (row.existing) byOldId.set(row.existing.id, row);
  const paths = new Map<PlannedRow, number[]>();
  const visiting = new Set<PlannedRow>();

  // The new path of someone whose old path is `oldPath`: re-rooted at the nearest file row above.
  const rebase = (oldPath: number[], fromIndex: number): number[] => {
    for (let i = fromIndex; i >= 0; i--) {
      const above = byOldId.get(oldPath[i]!);
      if (above) return [...pathOf(above), ...oldPath.slice(i + 1)];
    }
    return oldPath;
  };

  const pathOf = (row: PlannedRow): number[] => {
    const known = paths.get(row);
    if (known) return known;
    if (visiting.has(row)) throw new Error(`org tree cycle through ${row.record.external_id} survived planning`);
    visiting.add(row);
    const id = idOf(row);
    let path: number[];
    const oldPath = row.existing?.org_path ?? [];
    if (row.managerExternalId === undefined) {
      // Manager kept: the old path, re-rooted if someone above moved (it ends with this person).
      path = oldPath.length > 0 ? rebase(oldPath, oldPath.length - 2) : [id];
    } else if (row.managerRow) path = [...pathOf(row.managerRow), id];
    else if (row.managerExit) path = [...rebase(row.managerExit.org_path, row.managerExit.org_path.length - 1), id];
    else path = [id];
    visiting.delete(row);
    paths.set(row, path);
    return path;
  };

  const placements = new Map<PlannedRow, TreePlacement>();
  const newReports = new Map<PlannedRow, number>();
  for (const row of rows) {
    const manager = row.managerExternalId === undefined ? undefined : (row.managerRow ?? null);
    if (manager && isActive(row)) newReports.set(manager, (newReports.get(manager) ?? 0) + 1);
  }
  const movedExternalIds: string[] = [];
  const affected = new Set<number>();
  for (const row of rows) {
    const orgPath = pathOf(row);
    const managerId = managerIdOf(row, idOf);
    placements.set(row, { managerId, orgPath, directReports: row.existing ? null : (newReports.get(row) ?? 0) });
    if (row.existing && !samePath(row.existing.org_path, orgPath)) movedExternalIds.push(row.record.external_id);
    if (row.existing?.manager_id) affected.add(row.existing.manager_id);
    // New managers get their count here; managers already in the directory are recounted in SQL.
    if (managerId !== null && !(row.managerRow && !row.managerRow.existing)) affected.add(managerId);
  }
  return { placements, movedExternalIds, affectedManagerIds: [...affected] };
}

function managerIdOf(row: PlannedRow, idOf: (row: PlannedRow) => number): number | null {
  if (row.managerExternalId === undefined) return row.existing?.manager_id ?? null;
  if (row.managerRow) return idOf(row.managerRow);
  return row.managerExit?.id ?? null;
}

function isActive(row: PlannedRow): boolean {
  return (row.present.has('status') ? row.record.status : (row.existing?.status ?? 'active')) !== 'inactive';
}

function samePath(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
