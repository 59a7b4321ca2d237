// The Person contract (DESIGN §3.1) shared by server and web: field names, limits, and the shapes the
// people API answers with. The server parses with these schemas; the web reads the inferred types.
import { z } from 'zod';

export const LIMITS = {
  name: 200,
  shortText: 200,
  longText: 4000,
  hashtag: 64,
  hashtagsPerList: 100,
  attributesJson: 16_000,
  pageSize: 100,
} as const;

export const JOB_LEVELS = ['individual', 'manager', 'executive'] as const;
export const GENERATIONS = ['silent', 'boomer', 'gen_x', 'millennial', 'gen_z', 'gen_alpha'] as const;
export const COHORTS = [...GENERATIONS, 'xennial'] as const;
export const EXPERIENCE_LEVELS = ['novice', 'mid_career', 'expert'] as const;
export const PERSON_STATUSES = ['active', 'inactive'] as const;

/**
 * Birth years of each cohort, inclusive; null is open-ended (Pew generations plus xennial 1977-83).
 * Migration 0001's people_generation/people_cohorts say the same in SQL.
 */
export const COHORT_BIRTH_YEARS: Record<(typeof COHORTS)[number], readonly [number | null, number | null]> = {
  silent: [null, 1945],
  boomer: [1946, 1964],
  gen_x: [1965, 1980],
  millennial: [1981, 1996],
  gen_z: [1997, 2012],
  gen_alpha: [2013, null],
  xennial: [1977, 1983],
};

export type JobLevel = (typeof JOB_LEVELS)[number];
export type Generation = (typeof GENERATIONS)[number];
export type Cohort = (typeof COHORTS)[number];
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

/** Lists the HR import owns and employees may not edit are everything but these profile fields. */
export const SELF_EDITABLE_FIELDS = [
  'skills',
  'interests',
  'mentor_topics',
  'learning_goals',
  'about',
  'can_help_with',
  'languages',
  'mentor_available',
] as const;

/**
 * A hashtag as stored: lower-case, no leading `#`, letters/digits/`-`/`_`/`.`/`+` in any script.
 * `"#Excel-Dashboards"` normalises to `"excel-dashboards"`.
 */
export function normaliseHashtag(raw: string): string {
  return raw.trim().replace(/^#+/, '').trim().toLowerCase().replace(/\s+/g, '-');
}

// Letters and digits first (or a dot, as in .net); then also - _ . + and # (c#, c++, node.js).
const HASHTAG_PATTERN = /^[\p{L}\p{N}.][\p{L}\p{N}_.+#-]*$/u;

export const hashtagSchema = z
  .string()
  .transform(normaliseHashtag)
  .pipe(
    z
      .string()
      .min(1, 'a hashtag cannot be empty')
      .max(LIMITS.hashtag, `a hashtag has at most ${LIMITS.hashtag} characters`)
      .regex(HASHTAG_PATTERN, 'a hashtag holds letters, digits, "-", "_", ".", "+" or "#" only'),
  );

/** A list of hashtags, de-duplicated in input order. */
export const hashtagListSchema = z
  .array(hashtagSchema)
  .max(LIMITS.hashtagsPerList, `at most ${LIMITS.hashtagsPerList} entries`)
  .transform((list) => [...new Set(list)]);

const isoDate = z.iso.date({ message: 'a date is written YYYY-MM-DD' });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Years an imported date or year may fall in: PostgreSQL has no year 0, and nobody was hired in 1066. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;
const year = z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max);
const dateInRange = isoDate.refine((d) => {
  const y = Number(d.slice(0, 4));
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
}, `a date lies between ${YEAR_RANGE.min}-01-01 and ${YEAR_RANGE.max}-12-31`);

/**
 * One person as imported (JSON Lines object or CSV row after column mapping). Every field but
 * external_id may be left out (the person keeps what they have); `null` clears an optional field
 * (lists become empty, booleans false). A new person needs a given_name.
 */
export const personInputSchema = z.object({
  /** HR id; the upsert key. */
  external_id: z.string().trim().min(1, 'external_id is required').max(LIMITS.shortText),
  /** Optional: frontline and deskless staff often have none. Unique when present. */
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'not an e-mail address' }))
    .nullable()
    .optional(),
  given_name: z.string().trim().min(1, 'given_name is required').max(LIMITS.name).optional(),
  /** May be empty: not everyone has one (mononyms, community handles). */
  family_name: z
    .string()
    .trim()
    .max(LIMITS.name)
    .nullable()
    .optional()
    .transform((v) => (v === null ? '' : v)),
  department: optionalText(LIMITS.shortText),
  function: optionalText(LIMITS.shortText),
  job_title: optionalText(LIMITS.shortText),
  job_level: z.enum(JOB_LEVELS).nullable().optional(),
  location: optionalText(LIMITS.shortText),
  region: optionalText(LIMITS.shortText),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO code such as DE')
    .nullable()
    .optional(),
  /** BCP 47 tag such as de, nl, en-GB. */
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language is a BCP 47 tag such as de or en-GB')
    .nullable()
    .optional(),
  time_zone: z
    .string()
    .trim()
    .refine(isTimeZone, { message: 'not an IANA time zone such as Europe/Berlin', params: { code: 'validation.time_zone' } })
    .nullable()
    .optional(),
  birth_year: year.nullable().optional(),
  hire_date: dateInRange.nullable().optional(),
  career_start_year: year.nullable().optional(),
  experience_level: z.enum(EXPERIENCE_LEVELS).nullable().optional(),
  /** external_id or e-mail of the manager; may refer to a row later in the same file. */
  manager: z.string().trim().max(LIMITS.shortText).nullable().optional(),
  social_maturity_stage: z.number().int().min(1).max(9).nullable().optional(),
  skills: hashtagListSchema.nullable().optional(),
  interests: hashtagListSchema.nullable().optional(),
  mentor_topics: hashtagListSchema.nullable().optional(),
  learning_goals: hashtagListSchema.nullable().optional(),
  languages: hashtagListSchema.nullable().optional(),
  about: optionalText(LIMITS.longText),
  can_help_with: optionalText(LIMITS.longText),
  mentor_available: z.boolean().nullable().optional(),
  ambassador: z.boolean().nullable().optional(),
  /** `null` or absent keeps the current status (new people are active). */
  status: z.enum(PERSON_STATUSES).nullable().optional(),
  /** Merged key by key into the person's attributes; a null value removes a key, `null` for the whole object removes all. */
  attributes: z
    .record(z.string().min(1).max(LIMITS.hashtag), z.json())
    .refine((a) => JSON.stringify(a).length <= LIMITS.attributesJson, {
      message: 'attributes are too large',
      params: { code: 'validation.attributes_too_large' },
    })
    .nullable()
    .optional(),
});
export type PersonInput = z.input<typeof personInputSchema>;
export type PersonRecord = z.output<typeof personInputSchema>;

// Constructing an Intl.DateTimeFormat costs ~100 µs, so each zone name is checked once per process.
const timeZoneCache = new Map<string, boolean>();
function isTimeZone(tz: string): boolean {
  let known = timeZoneCache.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    if (timeZoneCache.size < 10_000) timeZoneCache.set(tz, known);
  }
  return known;
}

/** What an employee may change on their own profile. */
export const profileUpdateSchema = z
  .object({
    skills: hashtagListSchema,
    interests: hashtagListSchema,
    mentor_topics: hashtagListSchema,
    learning_goals: hashtagListSchema,
    languages: hashtagListSchema,
    about: z.string().trim().max(LIMITS.longText).nullable(),
    can_help_with: z.string().trim().max(LIMITS.longText).nullable(),
    mentor_available: z.boolean(),
  })
  .partial()
  .strict();
export type ProfileUpdate = z.input<typeof profileUpdateSchema>;

/** A person as the directory shows it to any signed-in colleague. */
export const personCardSchema = z.object({
  id: z.number().int(),
  external_id: z.string(),
  display_name: z.string(),
  given_name: z.string(),
  family_name: z.string(),
  email: z.string().nullable(),
  department: z.string().nullable(),
  function: z.string().nullable(),
  job_title: z.string().nullable(),
  location: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  language: z.string().nullable(),
  skills: z.array(z.string()),
  interests: z.array(z.string()),
  mentor_topics: z.array(z.string()),
  learning_goals: z.array(z.string()),
  languages: z.array(z.string()),
  mentor_available: z.boolean(),
  ambassador: z.boolean(),
  is_leader: z.boolean(),
});
export type PersonCard = z.infer<typeof personCardSchema>;

/** Manager or report as linked from a profile page. */
export const personRefSchema = z.object({
  id: z.number().int(),
  external_id: z.string(),
  display_name: z.string(),
  job_title: z.string().nullable(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

/**
 * The full profile. HR fields that reveal age or tenure (birth_year, hire_date, career_start_year,
 * the derived generation/tenure/experience, attributes) are present only for admins and
 * communicators, and null otherwise.
 */
export const personProfileSchema = personCardSchema.extend({
  job_level: z.enum(JOB_LEVELS).nullable(),
  time_zone: z.string().nullable(),
  about: z.string().nullable(),
  can_help_with: z.string().nullable(),
  status: z.enum(PERSON_STATUSES),
  social_maturity_stage: z.number().int().nullable(),
  direct_reports: z.number().int(),
  manager: personRefSchema.nullable(),
  reports: z.array(personRefSchema),
  birth_year: z.number().int().nullable(),
  hire_date: z.string().nullable(),
  career_start_year: z.number().int().nullable(),
  generation: z.enum(GENERATIONS).nullable(),
  cohorts: z.array(z.enum(COHORTS)).nullable(),
  tenure_years: z.number().int().nullable(),
  years_experience: z.number().int().nullable(),
  experience_level: z.enum(EXPERIENCE_LEVELS).nullable(),
  attributes: z.record(z.string(), z.json()).nullable(),
  /** Field names the signed-in user may change on this profile (empty unless it is their own). */
  editable_fields: z.array(z.enum(SELF_EDITABLE_FIELDS)),
});
export type PersonProfile = z.infer<typeof personProfileSchema>;

/** Directory query: every filter is optional; list filters match any of the given values. */
export const peopleQuerySchema = z.object({
  q: z.string().trim().max(LIMITS.shortText).optional(),
  department: z.string().trim().max(LIMITS.shortText).optional(),
  location: z.string().trim().max(LIMITS.shortText).optional(),
  generation: z.enum(GENERATIONS).optional(),
  experience_level: z.enum(EXPERIENCE_LEVELS).optional(),
  skill: hashtagSchema.optional(),
  /** Only this person (by id) and everyone below them in the org tree. */
  under: z.coerce.number().int().positive().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(25),
});
export type PeopleQuery = z.input<typeof peopleQuerySchema>;

export const peoplePageSchema = z.object({
  items: z.array(personCardSchema),
  next_cursor: z.string().nullable(),
});
export type PeoplePage = z.infer<typeof peoplePageSchema>;

/** Values to offer in the directory's filters, most common first. */
export const peopleFacetsSchema = z.object({
  departments: z.array(z.object({ value: z.string(), count: z.number().int() })),
  locations: z.array(z.object({ value: z.string(), count: z.number().int() })),
  skills: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type PeopleFacets = z.infer<typeof peopleFacetsSchema>;

/** One problem found in an import file. `line` is 1-based and counts the CSV header as line 1. */
export const importErrorSchema = z.object({
  line: z.number().int(),
  external_id: z.string().nullable(),
  field: z.string().nullable(),
  reason: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importReportSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(importErrorSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Values a problem's message is filled with (`{{value}}` in the web app's translations). */
export const problemParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/**
 * One problem of a people import, located by line (1-based; a CSV header is line 1) and field. `code`
 * (`import.not_a_date`) and `params` are what the web app translates; `reason` is the same in English
 * for the command line and API users. `error`: the row, or for a manager cycle its manager change, was
 * not imported; `warning`: the row was imported with a remark (an unknown manager is left unresolved).
 */
export const importProblemSchema = z.object({
  line: z.number().int(),
  external_id: z.string().nullable(),
  field: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  params: problemParamsSchema,
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const IMPORT_STATES = ['receiving', 'queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** A people import as `GET /api/v1/people/imports/:id` shows it while it runs and after. */
export const peopleImportSchema = z.object({
  id: z.number().int(),
  state: z.enum(IMPORT_STATES),
  /** rows: reading the file; managers: writing the rows that waited for a manager later in the file. */
  phase: z.enum(['rows', 'managers']),
  format: z.enum(['csv', 'jsonl']),
  file_name: z.string().nullable(),
  bytes: z.number().int(),
  /** Data rows read from the file so far. */
  rows_read: z.number().int(),
  /** Rows finished (imported or rejected). */
  rows_done: z.number().int(),
  /** Data rows in the file: estimated from its lines until the whole file is read, then exact. */
  rows_total: z.number().int().nullable(),
  rows_total_exact: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  /** Problems in the report (errors and warnings); page through them at `…/imports/:id/problems`. */
  problems: z.number().int(),
  /** Why a failed import stopped (the file as a whole could not be read). */
  failure: z.object({ code: z.string(), params: problemParamsSchema, detail: z.string() }).nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type PeopleImport = z.infer<typeof peopleImportSchema>;

export const importProblemsPageSchema = z.object({
  items: z.array(importProblemSchema),
  next_cursor: z.string().nullable(),
});
export type ImportProblemsPage = z.infer<typeof importProblemsPageSchema>;

/** What an import run in-process (command line, demo seed) reports: counts and every problem. */
export type PeopleImportReport = {
  id: number;
  rows: number;
  created: number;
  updated: number;
  rejected: number;
  warnings: number;
  errors: ImportProblem[];
  failure: PeopleImport['failure'];
};
