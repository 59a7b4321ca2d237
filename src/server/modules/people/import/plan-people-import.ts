// Decides what an import will do before anything is written: validates each row, rejects duplicates,
// e-mails held by someone else, unknown managers and manager cycles (with line numbers), and resolves
// each manager to a file row or a person in the directory. Pure: the directory comes in as lookups.
import { personInputSchema, type ImportError, type PersonRecord } from '../../../../shared/people.js';
import type { RawPersonRow } from './parse-people-file.js';

const strictPersonSchema = personInputSchema.strict();

/** A person already in the directory, as the planner needs to know them. */
export type ExistingPerson = { id: number; external_id: string; email: string; manager_id: number | null; org_path: number[]; status: 'active' | 'inactive' };

export type ImportLookups = {
  /** People whose external_id is in the file. */
  existingByExternalId: Map<string, ExistingPerson>;
  /** Owners (external_id) of the file's e-mails in the directory. */
  emailOwners: Map<string, string>;
  /** Resolves a manager reference (external_id or e-mail) that no file row answers. */
  findManager(ref: string): ExistingPerson | undefined;
};

export type PlannedRow = {
  line: number;
  record: PersonRecord;
  /** Fields the row sets; the others keep their current values. */
  present: Set<string>;
  /** Resolved manager external_id: null to clear, undefined to leave as is. */
  managerExternalId: string | null | undefined;
  /** The manager when it is another row of this file… */
  managerRow?: PlannedRow;
  /** …or when it is a person already in the directory and not in the file. */
  managerExit?: ExistingPerson;
  existing: ExistingPerson | undefined;
};

export type ImportPlan = { rows: PlannedRow[]; errors: ImportError[] };

type Candidate = PlannedRow;

/**
 * Plans an import.
 * @example const plan = planPeopleImport(parsed.rows, lookups); plan.errors // [{ line: 3, field: 'email', ... }]
 */
export function planPeopleImport(raw: RawPersonRow[], lookups: ImportLookups): ImportPlan {
  const errors: ImportError[] = [];
  const rejectedLine = new Map<string, number>();
  const reject = (row: { line: number; record?: PersonRecord; value?: Record<string, unknown> }, field: string | null, reason: string) => {
    const id = row.record?.external_id ?? (typeof row.value?.external_id === 'string' ? row.value.external_id : null);
    errors.push({ line: row.line, external_id: id, field, reason });
    if (id !== null && !rejectedLine.has(id)) rejectedLine.set(id, row.line);
  };

  // 1. Each row on its own: shape, then duplicates within the file and e-mails taken by others.
  const byExternalId = new Map<string, Candidate>();
  const byEmail = new Map<string, Candidate>();
  for (const row of raw) {
    const parsed = strictPersonSchema.safeParse(row.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || null;
      reject(row, field, issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message);
      continue;
    }
    const record = parsed.data;
    const earlier = byExternalId.get(record.external_id);
    if (earlier) {
      reject({ line: row.line, record }, 'external_id', `external_id ${record.external_id} already appears on line ${earlier.line}`);
      continue;
    }
    const sameEmail = byEmail.get(record.email);
    if (sameEmail) {
      reject({ line: row.line, record }, 'email', `e-mail ${record.email} already appears on line ${sameEmail.line}`);
      continue;
    }
    const owner = lookups.emailOwners.get(record.email);
    if (owner !== undefined && owner !== record.external_id) {
      reject({ line: row.line, record }, 'email', `e-mail ${record.email} belongs to ${owner} in the directory`);
      continue;
    }
    const candidate: Candidate = {
      line: row.line,
      record,
      present: new Set(Object.keys(row.value)),
      managerExternalId: undefined,
      existing: lookups.existingByExternalId.get(record.external_id),
    };
    byExternalId.set(record.external_id, candidate);
    byEmail.set(record.email, candidate);
  }

  // 2. Managers: resolve references, then reject cycles until what is left is a forest.
  let accepted = [...byExternalId.values()];
  for (;;) {
    const live = new Map(accepted.map((c) => [c.record.external_id, c]));
    const liveByEmail = new Map(accepted.map((c) => [c.record.email, c]));
    const rejected = new Set<Candidate>();
    for (const c of accepted) {
      c.managerRow = undefined;
      c.managerExit = undefined;
      const ref = c.present.has('manager') ? c.record.manager : undefined;
      if (ref === undefined) continue;
      if (ref === null || ref === '') {
        c.managerExternalId = null;
        continue;
      }
      const inFile = live.get(ref) ?? liveByEmail.get(ref.toLowerCase());
      if (inFile) {
        c.managerRow = inFile;
        c.managerExternalId = inFile.record.external_id;
      } else {
        const exit = lookups.findManager(ref);
        if (!exit) {
          const line = rejectedLine.get(ref);
          const why = line !== undefined ? `manager ${ref} was rejected (line ${line})` : `manager ${ref} is neither in this file nor in the directory`;
          reject(c, 'manager', why);
          rejected.add(c);
          continue;
        }
        c.managerExit = exit;
        c.managerExternalId = exit.external_id;
      }
      if (c.managerExternalId === c.record.external_id) {
        reject(c, 'manager', 'a person cannot be their own manager');
        rejected.add(c);
      }
    }
    for (const cycle of findCycles(accepted.filter((c) => !rejected.has(c)))) {
      const names = [...cycle.map((c) => c.record.external_id), cycle[0]!.record.external_id].join(' → ');
      for (const c of cycle) {
        reject(c, 'manager', `manager cycle: ${names}`);
        rejected.add(c);
      }
    }
    if (rejected.size === 0) break;
    accepted = accepted.filter((c) => !rejected.has(c));
  }

  return { rows: accepted, errors: errors.sort((a, b) => a.line - b.line) };
}

/** The file row above `c` in the new tree: its manager if in the file, else the nearest file row above its manager. */
function parentInFile(c: Candidate, liveIds: Map<number, Candidate>): Candidate | undefined {
  if (c.managerExternalId === undefined) {
    // Manager unchanged: the nearest file row among the current ancestors.
    return c.existing ? nearestAbove(c.existing.org_path, c.existing.id, liveIds) : undefined;
  }
  if (c.managerRow) return c.managerRow;
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
      node = parentInFile(node, liveIds);
      // A manager row rejected in this round is no longer above anyone; the next round re-resolves.
      if (node && !members.has(node)) node = undefined;
    }
    if (node && state.get(node) === 'visiting') cycles.push(stack.slice(stack.indexOf(node)));
    for (const n of stack) state.set(n, 'done');
  }
  return cycles;
}
