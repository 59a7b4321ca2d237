// A deliberately naive, in-memory evaluator of segment rules, written from DESIGN §3.1 and §3.2 only
// (never from the SQL compiler), against which the compiler is tested differentially. It evaluates
// a rule person by person in plain JavaScript; speed and validation are not its concern (it throws on
// a rule it does not understand, which in the test means the generator produced something invalid).
//
// Semantic choices DESIGN leaves open, decided here (the compiler must agree):
//  1. Text values are compared after `toLowerCase()` on both sides; the rule value is used as given
//     (not trimmed, so " " is a real value). Stored text is what the import stores (trimmed).
//  2. An empty string is a present value: `exists: true` is false for it (DESIGN), `exists: false`
//     true, and every other op compares it normally (`eq ""` true, `neq "x"` true,
//     `contains ""` / `starts_with ""` true). `contains`/`starts_with` with `""` match every present
//     value.
//  3. `attributes.<key>` has text semantics for any key (an unknown key is null for everyone, not an
//     invalid rule). A JSON string is its text; a number or boolean is its JSON text (42 -> "42",
//     true -> "true", as `->>` gives); a JSON null or an absent key is null (missing).
//  4. `manager` (text) is the manager's external_id (whichever way the import referred to the
//     manager), null for a root, regardless of the manager's status.
//  5. `org within X`: X is trimmed; it must then be 1–320 characters (the longest e-mail address),
//     else the rule is invalid. It names the person whose external_id equals X exactly, or whose
//     e-mail equals X case-insensitively (e-mails are stored lower-case). The result is that person
//     and everyone below them along manager links, whatever the status of the people in between; as
//     always only active people are returned. An unknown X matches nobody (not an invalid rule).
//  6. `tenure_years` = whole years completed from hire_date to the evaluation date: the anniversary
//     of a 29 February hire in a non-leap year is 1 March. A hire date after the evaluation date
//     gives the negative of the whole years until then, truncated toward zero (0 in the last year
//     before starting) — i.e. PostgreSQL `extract(year from age(as_of, hire_date))`.
//  7. `years_experience` = evaluation year − (career_start_year ?? year of hire_date); it may be
//     negative (career start in the future), which is below the novice threshold. Without both it
//     is null, and so is the derived `experience_level` unless explicit.
//  8. `direct_reports` is never null (0 without active reports); `is_leader` = direct_reports > 0.
//     `mentor_available` / `ambassador` are never null (default false). `cohorts` is [] without a
//     birth year, so `cohorts exists false` is true then.
//  9. Numbers in rules may be any finite JSON number (2.5 is fine, negatives too); `between` is
//     [low, high] inclusive and low > high matches nothing. Dates in rules are `YYYY-MM-DD`.
// 10. List ops lower-case the rule values (no other normalisation: a leading "#" is kept, so
//     `has "#excel"` does not match "excel"). `has_all: []` is true for everyone (vacuous),
//     `has_any: []` false, `has_none: []` true.
// 11. Activity: with `within_days: N` an event counts when as_of 00:00 UTC − N days <= occurred_at
//     < as_of + 1 day (N = 0 is the evaluation day itself); without it, any event before the end of
//     the evaluation day (later events never count). `campaign` restricts to that campaign id.
//     `has: false` is the negation of `has: true`. Events of any person id count for that person.
// 12. `{"segment": KEY}` is the saved segment's rule evaluated in place (same as_of and thresholds).
// 13. Depth counts rule nodes on the longest path, a single condition being depth 1: 32 nested
//     levels are allowed, and the problem of a 33-level rule points at the first node on level 33.
//     Nodes count every rule object (groups, `not`, conditions, activities, segment references).
import { personInputSchema, type PersonInput, type PersonRecord } from '../../../../shared/people.js';
import { ACTIVITY_TYPES, ATTRIBUTE_FIELD_PREFIX, ORG_FIELD, RULE_FIELDS, type FieldType } from '../../../../shared/audiences.js';

export type ReferencePerson = { id: number; input: PersonInput };
export type ReferenceEvent = { personId: number; type: string; campaignId: number | null; occurredAt: Date };
export type Thresholds = { noviceBelow: number; midBelow: number };
export type EvaluationOptions = { asOf: string; thresholds: Thresholds; segments?: ReadonlyMap<string, unknown> };

type Person = {
  id: number;
  record: PersonRecord;
  managerId: number | null;
  /** Self first, then manager, manager's manager, … */
  chain: number[];
  activeReports: number;
};

type FieldValue =
  | { type: 'text'; value: string | null }
  | { type: 'number'; value: number | null }
  | { type: 'date'; value: string | null }
  | { type: 'list'; value: string[] }
  | { type: 'boolean'; value: boolean };

const DAY_MS = 86_400_000;
const FIELD_TYPE = new Map<string, FieldType>(RULE_FIELDS.map((f) => [f.name, f.type]));

/** The directory as the reference sees it: people parsed by the Person contract, plus events. */
export class ReferenceDirectory {
  readonly people: Person[];
  private readonly byId = new Map<number, Person>();
  private readonly eventsByPerson = new Map<number, ReferenceEvent[]>();

  constructor(people: readonly ReferencePerson[], events: readonly ReferenceEvent[]) {
    this.people = people.map(({ id, input }) => ({ id, record: personInputSchema.parse(input), managerId: null, chain: [], activeReports: 0 }));
    for (const p of this.people) this.byId.set(p.id, p);
    const byExternal = new Map(this.people.map((p) => [p.record.external_id, p]));
    const byEmail = new Map(this.people.map((p) => [p.record.email, p]));
    for (const p of this.people) {
      const ref = p.record.manager;
      if (ref === null || ref === undefined || ref === '') continue;
      const boss = byExternal.get(ref) ?? byEmail.get(ref.toLowerCase());
      if (!boss) throw new Error(`reference population: unknown manager ${ref} of ${p.record.external_id}`);
      p.managerId = boss.id;
    }
    for (const p of this.people) {
      const chain: number[] = [];
      for (let cur: Person | undefined = p; cur; cur = cur.managerId === null ? undefined : this.byId.get(cur.managerId)) {
        if (chain.includes(cur.id)) throw new Error('reference population: manager cycle');
        chain.push(cur.id);
      }
      p.chain = chain;
      if (p.managerId !== null && isActive(p)) this.byId.get(p.managerId)!.activeReports++;
    }
    for (const e of events) {
      const list = this.eventsByPerson.get(e.personId) ?? [];
      list.push(e);
      this.eventsByPerson.set(e.personId, list);
    }
  }

  person(id: number): Person | undefined {
    return this.byId.get(id);
  }

  /** Ids of the active people the rule matches, ascending. */
  evaluate(rule: unknown, options: EvaluationOptions): number[] {
    return this.people
      .filter((p) => isActive(p) && this.matches(rule, p, options, []))
      .map((p) => p.id)
      .sort((a, b) => a - b);
  }

  /** Every field value of one person at the evaluation date, for failure reports. */
  describe(id: number, options: EvaluationOptions): Record<string, unknown> {
    const p = this.byId.get(id);
    if (!p) return {};
    const out: Record<string, unknown> = { id };
    for (const f of RULE_FIELDS) out[f.name] = this.field(p, f.name, options).value;
    out.attributes = p.record.attributes ?? {};
    out.org_chain = p.chain;
    out.events = (this.eventsByPerson.get(p.id) ?? []).map((e) => `${e.type}/${e.campaignId ?? '-'}@${e.occurredAt.toISOString()}`);
    return out;
  }

  matches(rule: unknown, p: Person, options: EvaluationOptions, segmentStack: string[]): boolean {
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new Error(`reference: not a rule: ${JSON.stringify(rule)}`);
    const r = rule as Record<string, unknown>;
    if ('all' in r) return (r.all as unknown[]).every((c) => this.matches(c, p, options, segmentStack));
    if ('any' in r) return (r.any as unknown[]).some((c) => this.matches(c, p, options, segmentStack));
    if ('not' in r) return !this.matches(r.not, p, options, segmentStack);
    if ('segment' in r) {
      const key = r.segment as string;
      const saved = options.segments?.get(key);
      if (saved === undefined) throw new Error(`reference: unknown segment ${key}`);
      if (segmentStack.includes(key)) throw new Error(`reference: segment cycle through ${key}`);
      return this.matches(saved, p, options, [...segmentStack, key]);
    }
    if ('activity' in r) return this.activity(r.activity as Record<string, unknown>, r.has as boolean, p, options);
    if ('field' in r) return this.condition(r.field as string, r.op as string, r.value, p, options);
    throw new Error(`reference: not a rule: ${JSON.stringify(rule)}`);
  }

  private activity(spec: Record<string, unknown>, has: boolean, p: Person, options: EvaluationOptions): boolean {
    const type = spec.type as string;
    if (!(ACTIVITY_TYPES as readonly string[]).includes(type)) throw new Error(`reference: activity type ${type}`);
    const dayStart = Date.parse(`${options.asOf}T00:00:00Z`);
    const end = dayStart + DAY_MS;
    const start = spec.within_days === undefined ? -Infinity : dayStart - (spec.within_days as number) * DAY_MS;
    const campaign = spec.campaign === undefined ? undefined : Number(spec.campaign);
    const found = (this.eventsByPerson.get(p.id) ?? []).some((e) => {
      const t = e.occurredAt.getTime();
      return e.type === type && t >= start && t < end && (campaign === undefined || e.campaignId === campaign);
    });
    return has ? found : !found;
  }

  private condition(field: string, op: string, value: unknown, p: Person, options: EvaluationOptions): boolean {
    if (field === ORG_FIELD) {
      if (op !== 'within' || typeof value !== 'string') throw new Error(`reference: org ${op}`);
      const ref = value.trim();
      const roots = new Set(this.people.filter((q) => q.record.external_id === ref || q.record.email === ref.toLowerCase()).map((q) => q.id));
      return p.chain.some((id) => roots.has(id));
    }
    const v = this.field(p, field, options);
    switch (v.type) {
      case 'text':
        return textOp(v.value, op, value);
      case 'number':
        return orderedOp(v.value, op, value, (x) => x as number);
      case 'date':
        return orderedOp(v.value, op, value, (x) => x as string);
      case 'list':
        return listOp(v.value, op, value);
      case 'boolean':
        if (op !== 'eq' || typeof value !== 'boolean') throw new Error(`reference: boolean ${op}`);
        return v.value === value;
    }
  }

  private field(p: Person, name: string, options: EvaluationOptions): FieldValue {
    const r = p.record;
    if (name.startsWith(ATTRIBUTE_FIELD_PREFIX)) {
      const raw = (r.attributes ?? {})[name.slice(ATTRIBUTE_FIELD_PREFIX.length)];
      if (raw === undefined || raw === null) return { type: 'text', value: null };
      return { type: 'text', value: typeof raw === 'string' ? raw : JSON.stringify(raw) };
    }
    const type = FIELD_TYPE.get(name);
    if (!type) throw new Error(`reference: unknown field ${name}`);
    const asOfYear = Number(options.asOf.slice(0, 4));
    const yearsExperience = () => {
      const start = r.career_start_year ?? (r.hire_date ? Number(r.hire_date.slice(0, 4)) : null);
      return start === null ? null : asOfYear - start;
    };
    switch (name) {
      case 'generation':
        return { type: 'text', value: generation(r.birth_year ?? null) };
      case 'cohorts': {
        const g = generation(r.birth_year ?? null);
        if (g === null) return { type: 'list', value: [] };
        const y = r.birth_year!;
        return { type: 'list', value: y >= 1977 && y <= 1983 ? [g, 'xennial'] : [g] };
      }
      case 'experience_level': {
        if (r.experience_level) return { type: 'text', value: r.experience_level };
        const years = yearsExperience();
        const t = options.thresholds;
        return { type: 'text', value: years === null ? null : years < t.noviceBelow ? 'novice' : years < t.midBelow ? 'mid_career' : 'expert' };
      }
      case 'tenure_years':
        return { type: 'number', value: r.hire_date ? wholeYears(r.hire_date, options.asOf) : null };
      case 'years_experience':
        return { type: 'number', value: yearsExperience() };
      case 'is_leader':
        return { type: 'boolean', value: p.activeReports > 0 };
      case 'direct_reports':
        return { type: 'number', value: p.activeReports };
      case 'manager':
        return { type: 'text', value: p.managerId === null ? null : this.byId.get(p.managerId)!.record.external_id };
      case 'status':
        return { type: 'text', value: r.status ?? 'active' };
      case 'mentor_available':
      case 'ambassador':
        return { type: 'boolean', value: r[name] ?? false };
    }
    const raw = (r as Record<string, unknown>)[name];
    switch (type) {
      case 'text':
        return { type, value: typeof raw === 'string' ? raw : null };
      case 'number':
        return { type, value: typeof raw === 'number' ? raw : null };
      case 'date':
        return { type, value: typeof raw === 'string' ? raw : null };
      case 'list':
        return { type, value: Array.isArray(raw) ? (raw as string[]) : [] };
      case 'boolean':
        return { type, value: raw === true };
    }
  }
}

function isActive(p: Person): boolean {
  return (p.record.status ?? 'active') === 'active';
}

/** Pew generations (DESIGN §3.1). */
export function generation(birthYear: number | null): string | null {
  if (birthYear === null) return null;
  if (birthYear <= 1945) return 'silent';
  if (birthYear <= 1964) return 'boomer';
  if (birthYear <= 1980) return 'gen_x';
  if (birthYear <= 1996) return 'millennial';
  if (birthYear <= 2012) return 'gen_z';
  return 'gen_alpha';
}

/** Whole years completed from `from` to `to` (ISO dates), truncated toward zero when `from` is later. */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (from <= to) return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
  return -(fy - ty - (fm < tm || (fm === tm && fd < td) ? 1 : 0));
}

const lower = (s: string) => s.toLowerCase();

function textOp(v: string | null, op: string, arg: unknown): boolean {
  if (op === 'exists') {
    if (typeof arg !== 'boolean') throw new Error('reference: exists needs a boolean');
    const present = v !== null && v !== '';
    return arg ? present : !present;
  }
  if (v === null) return false;
  const lv = lower(v);
  switch (op) {
    case 'eq':
      return lv === lower(arg as string);
    case 'neq':
      return lv !== lower(arg as string);
    case 'in':
      return (arg as string[]).some((a) => lv === lower(a));
    case 'not_in':
      return !(arg as string[]).some((a) => lv === lower(a));
    case 'contains':
      return lv.includes(lower(arg as string));
    case 'starts_with':
      return lv.startsWith(lower(arg as string));
  }
  throw new Error(`reference: text op ${op}`);
}

function orderedOp<T extends number | string>(v: T | null, op: string, arg: unknown, cast: (x: unknown) => T): boolean {
  if (op === 'exists') {
    if (typeof arg !== 'boolean') throw new Error('reference: exists needs a boolean');
    return arg ? v !== null : v === null;
  }
  if (v === null) return false;
  switch (op) {
    case 'eq':
      return v === cast(arg);
    case 'neq':
      return v !== cast(arg);
    case 'lt':
      return v < cast(arg);
    case 'lte':
      return v <= cast(arg);
    case 'gt':
      return v > cast(arg);
    case 'gte':
      return v >= cast(arg);
    case 'between': {
      const [low, high] = arg as [unknown, unknown];
      return cast(low) <= v && v <= cast(high);
    }
  }
  throw new Error(`reference: ordered op ${op}`);
}

function listOp(v: string[], op: string, arg: unknown): boolean {
  const items = new Set(v.map(lower));
  const has = (a: string) => items.has(lower(a));
  switch (op) {
    case 'exists':
      if (typeof arg !== 'boolean') throw new Error('reference: exists needs a boolean');
      return arg ? items.size > 0 : items.size === 0;
    case 'has':
      return has(arg as string);
    case 'has_any':
      return (arg as string[]).some(has);
    case 'has_all':
      return (arg as string[]).every(has);
    case 'has_none':
      return !(arg as string[]).some(has);
  }
  throw new Error(`reference: list op ${op}`);
}
