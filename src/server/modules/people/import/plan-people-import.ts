// Decides what one batch of an import does before anything is written: rejects duplicates and e-mails
// held by someone else (with line numbers), resolves each manager to a row of the batch or a person in
// the directory, and sets aside rows whose manager is not written yet (they wait for the second pass).
// A manager that cannot be found leaves the row's manager as it was, with a warning; a manager change
// that would close a cycle is rejected, the rest of the row is kept. Pure: the directory comes as lookups.
import type { PersonRecord } from '../../../../shared/people.js';
import { problem, type StoredProblem } from './import-problems.js';
import type { ValidRow } from './validate-person-row.js';

/** A person already in the directory, as the planner needs to know them. */
export type ExistingPerson = {
  id: number;
  external_id: string;
  email: string | null;
  manager_id: number | null;
  org_path: number[];
  status: 'active' | 'inactive';
  /** The import and line that last wrote this person. */
  import_id: number | null;
  import_line: number | null;
};

export type ImportLookups = {
  importId: number;
  /** People whose external_id is in the batch. */
  existingByExternalId: Map<string, ExistingPerson>;
  /** Owners of the batch's e-mails in the directory. */
  emailOwners: Map<string, { external_id: string; import_id: number | null; import_line: number | null }>;
  /** Rows of this import waiting for their manager (not in this batch), by external_id and by e-mail. */
  waitingByExternalId: Map<string, number>;
  waitingByEmail: Map<string, { external_id: string; line: number }>;
  /** The person a manager reference (external_id, else e-mail) names in the directory. */
  findManager(ref: string): ExistingPerson | undefined;
  /** Whether a reference names a row still waiting (not in this batch): that manager is not written yet. */
  isWaitingRef(ref: string): boolean;
  /** The line of a row of this import that was rejected, by its external_id. */
  rejectedLine(ref: string): number | undefined;
};

/**
 * `read`: the first pass over the file; a row whose manager is not written yet waits.
 * `final`: the second pass over rows that waited; a manager nobody can find is left unresolved.
 */
export type PlanMode = 'read' | 'final';

export type PlannedRow = {
  line: number;
  record: PersonRecord;
  /** Fields the row sets; the others keep their current values. */
  present: Set<string>;
  /** Resolved manager external_id: null to clear, undefined to leave as is. */
  managerExternalId: string | null | undefined;
  /** The manager when it is another row of this batch… */
  managerRow?: PlannedRow;
  /** …or when it is a person already in the directory and not in the batch. */
  managerExit?: ExistingPerson;
  existing: ExistingPerson | undefined;
};

/** A row set aside until its manager is written: the trimmed reference it waits for. */
export type WaitingRow = ValidRow & { managerRef: string };

export type ImportPlan = {
  /** Rows to write now. */
  rows: PlannedRow[];
  /** read mode: rows to keep until their manager is written. */
  waiting: WaitingRow[];
  /** final mode: lines whose manager still waits; they stay where they are. */
  blocked: number[];
  problems: StoredProblem[];
};

type Candidate = PlannedRow & { ref: string | null | undefined };

/**
 * Plans a batch.
 * @example const plan = planPeopleImport(valid, lookups, 'read'); plan.problems // [{ line: 3, field: 'email', ... }]
 */
export function planPeopleImport(batch: ValidRow[], lookups: ImportLookups, mode: PlanMode): ImportPlan {
  const problems: StoredProblem[] = [];

  // 1. Each row on its own: a name for new people, duplicates and e-mails taken by others.
  const byExternalId = new Map<string, Candidate>();
  const byEmail = new Map<string, Candidate>();
  for (const row of batch) {
    const { record, line } = row;
    const id = record.external_id;
    const reject = (field: string, code: Parameters<typeof problem>[0]['code'], params: Record<string, string | number>) =>
      problems.push(problem({ line, code, params, field, externalId: id }));
    const existing = lookups.existingByExternalId.get(id);
    const earlierLine =
      byExternalId.get(id)?.line ?? (existing?.import_id === lookups.importId ? existing.import_line : null) ?? lookups.waitingByExternalId.get(id);
    if (earlierLine !== undefined && earlierLine !== null) {
      reject('external_id', 'import.duplicate_external_id', { external_id: id, line: earlierLine });
      continue;
    }
    if (!existing && !record.given_name) {
      problems.push(problem({ line, code: 'import.required', field: 'given_name', externalId: id }));
      continue;
    }
    const email = row.present.has('email') ? record.email : undefined;
    if (email) {
      const inBatch = byEmail.get(email);
      const owner = lookups.emailOwners.get(email);
      const waiting = lookups.waitingByEmail.get(email);
      if (inBatch) {
        reject('email', 'import.duplicate_email', { email, line: inBatch.line });
        continue;
      }
      if (owner && owner.external_id !== id) {
        if (owner.import_id === lookups.importId && owner.import_line !== null) reject('email', 'import.duplicate_email', { email, line: owner.import_line });
        else reject('email', 'import.email_taken', { email, owner: owner.external_id });
        continue;
      }
      if (waiting && waiting.external_id !== id) {
        reject('email', 'import.duplicate_email', { email, line: waiting.line });
        continue;
      }
    }
    const ref = row.present.has('manager') ? record.manager : undefined;
    const candidate: Candidate = { line, record, present: row.present, managerExternalId: undefined, existing, ref };
    byExternalId.set(id, candidate);
    if (email) byEmail.set(email, candidate);
  }

  // 2. Managers: resolve, set aside rows whose manager is not written yet, reject links that close a
  //    cycle, and repeat until nothing changes.
  const held = new Set<Candidate>(); // waiting (read) or blocked (final)
  const linkProblem = new Map<Candidate, StoredProblem>();
  let live = [...byExternalId.values()];
  for (;;) {
    const liveById = new Map(live.map((c) => [c.record.external_id, c]));
    const liveByEmail = new Map(live.flatMap((c) => (c.record.email ? [[c.record.email, c] as const] : [])));
    let changed = false;
    for (const c of live) {
      c.managerRow = undefined;
      c.managerExit = undefined;
      c.managerExternalId = undefined;
      if (held.has(c) || linkProblem.has(c) || c.ref === undefined) continue;
      if (c.ref === null || c.ref === '') {
        c.managerExternalId = null;
        continue;
      }
      const inBatch = liveById.get(c.ref) ?? liveByEmail.get(c.ref.toLowerCase());
      if (inBatch === c) {
        linkProblem.set(c, problem({ line: c.line, code: 'import.own_manager', field: 'manager', externalId: c.record.external_id, rowRejected: false }));
        changed = true;
        continue;
      }
      if (inBatch) {
        if (held.has(inBatch)) {
          held.add(c);
          changed = true;
          continue;
        }
        c.managerRow = inBatch;
        c.managerExternalId = inBatch.record.external_id;
        continue;
      }
      const exit = lookups.isWaitingRef(c.ref) ? undefined : lookups.findManager(c.ref);
      if (exit?.external_id === c.record.external_id) {
        linkProblem.set(c, problem({ line: c.line, code: 'import.own_manager', field: 'manager', externalId: c.record.external_id, rowRejected: false }));
        changed = true;
        continue;
      }
      if (exit) {
        c.managerExit = exit;
        c.managerExternalId = exit.external_id;
        continue;
      }
      if (mode === 'read' || lookups.isWaitingRef(c.ref)) {
        held.add(c);
        changed = true;
        continue;
      }
      const line = lookups.rejectedLine(c.ref);
      const params: Record<string, string | number> = line !== undefined ? { manager: c.ref, line } : { manager: c.ref };
      const code = line !== undefined ? 'import.manager_rejected' : 'import.unknown_manager';
      linkProblem.set(c, problem({ line: c.line, code, params, field: 'manager', externalId: c.record.external_id, severity: 'warning' }));
      changed = true;
    }
    if (changed) continue;
    const cycles = findCycles(live.filter((c) => !held.has(c)));
    for (const cycle of cycles) {
      const names = [...cycle.map((c) => c.record.external_id), cycle[0]!.record.external_id].join(' → ');
      // Only the rows that change their manager are at fault; the others keep theirs anyway.
      const changing = cycle.filter((c) => c.managerExternalId !== undefined);
      for (const c of changing.length > 0 ? changing : cycle) {
        linkProblem.set(
          c,
          problem({
            line: c.line,
            code: 'import.manager_cycle',
            params: { cycle: names },
            field: 'manager',
            externalId: c.record.external_id,
            rowRejected: false,
          }),
        );
      }
    }
    if (cycles.length === 0) break;
    live = [...byExternalId.values()];
  }

  problems.push(...linkProblem.values());
  const rows = [...byExternalId.values()].filter((c) => !held.has(c));
  const heldRows = [...byExternalId.values()].filter((c) => held.has(c));
  return {
    rows,
    waiting: mode === 'read' ? heldRows.map((c) => ({ line: c.line, record: c.record, present: c.present, managerRef: c.ref ?? '' })) : [],
    blocked: mode === 'final' ? heldRows.map((c) => c.line) : [],
    problems: problems.sort((a, b) => a.line - b.line),
  };
}

/** The batch row above `c` in the new tree: its manager if in the batch, else the nearest batch row above its manager. */
function parentInBatch(c: Candidate, liveIds: Map<number, Candidate>): Candidate | undefined {
  if (c.managerExternalId === undefined) {
    // Manager unchanged: the nearest batch row among the current ancestors.
    return c.existing ? nearestAbove(c.existing.org_path, c.existing.id, liveIds) : undefined;
  }
  if (c.managerRow) return c.managerRow as Candidate;
  if (c.managerExit) return nearestAbove(c.managerExit.org_path, -1, liveIds) ?? undefined;
  return undefined;
}

function nearestAbove(path: number[], selfId: number, liveIds: Map<number, Candidate>): Candidate | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const id = path[i]!;
    if (id === selfId) continue;
    const hit = liveIds.get(id);
    if (hit) return hit;
  }
  return undefined;
}

/** Cycles in the new tree among the batch's rows, closed within the batch or through the directory. */
function findCycles(rows: Candidate[]): Candidate[][] {
  const members = new Set(rows);
  const liveIds = new Map(rows.filter((c) => c.existing).map((c) => [c.existing!.id, c]));
  const state = new Map<Candidate, 'visiting' | 'done'>();
  const cycles: Candidate[][] = [];
  for (const start of rows) {
    const stack: Candidate[] = [];
    let node: Candidate | undefined = start;
    while (node && !state.has(node)) {
      state.set(node, 'visiting');
      stack.push(node);
      node = parentInBatch(node, liveIds);
      if (node && !members.has(node)) node = undefined;
    }
    if (node && state.get(node) === 'visiting') cycles.push(stack.slice(stack.indexOf(node)));
    for (const n of stack) state.set(n, 'done');
  }
  return cycles;
}
