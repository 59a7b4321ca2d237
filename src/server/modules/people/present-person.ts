// Turns people rows into the shapes of the API (card, profile, export record). HR-only fields are
// withheld unless the caller may read them.
import type { PersonCard, PersonProfile, PersonRecord, PersonRef } from '../../../shared/people.js';
import { SELF_EDITABLE_FIELDS } from '../../../shared/people.js';
import type { CardRow, PersonRefRow, PersonRow } from './people.queries.js';

export const displayName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`.trim();

export function presentCard(row: CardRow): PersonCard {
  return {
    id: row.id,
    external_id: row.external_id,
    display_name: displayName(row),
    given_name: row.given_name,
    family_name: row.family_name,
    email: row.email,
    department: row.department,
    function: row.function,
    job_title: row.job_title,
    location: row.location,
    region: row.region,
    country: row.country,
    language: row.language,
    skills: row.skills,
    interests: row.interests,
    mentor_topics: row.mentor_topics,
    learning_goals: row.learning_goals,
    languages: row.languages,
    mentor_available: row.mentor_available,
    ambassador: row.ambassador,
    is_leader: row.direct_reports > 0,
  };
}

export const presentRef = (row: PersonRefRow): PersonRef => ({
  id: row.id,
  external_id: row.external_id,
  display_name: displayName(row),
  job_title: row.job_title,
});

export function presentProfile(input: {
  row: PersonRow;
  manager: PersonRefRow | undefined;
  reports: PersonRefRow[];
  showHr: boolean;
  isOwn: boolean;
}): PersonProfile {
  const { row, showHr } = input;
  return {
    ...presentCard(row),
    job_level: row.job_level,
    time_zone: row.time_zone,
    about: row.about,
    can_help_with: row.can_help_with,
    status: row.status,
    social_maturity_stage: row.social_maturity_stage,
    direct_reports: row.direct_reports,
    manager: input.manager ? presentRef(input.manager) : null,
    reports: input.reports.map(presentRef),
    birth_year: showHr ? row.birth_year : null,
    hire_date: showHr ? row.hire_date : null,
    career_start_year: showHr ? row.career_start_year : null,
    generation: showHr ? row.generation : null,
    cohorts: showHr ? (row.cohorts as PersonProfile['cohorts']) : null,
    tenure_years: showHr ? row.tenure_years : null,
    years_experience: showHr ? row.years_experience : null,
    experience_level: showHr ? row.experience_level : null,
    attributes: showHr ? (row.attributes as PersonProfile['attributes']) : null,
    editable_fields: input.isOwn ? [...SELF_EDITABLE_FIELDS] : [],
  };
}

/** The import shape of a person, so an export can be imported again unchanged. */
export function presentRecord(row: PersonRow): PersonRecord {
  return {
    external_id: row.external_id,
    email: row.email,
    given_name: row.given_name,
    family_name: row.family_name,
    department: row.department,
    function: row.function,
    job_title: row.job_title,
    job_level: row.job_level,
    location: row.location,
    region: row.region,
    country: row.country,
    language: row.language,
    time_zone: row.time_zone,
    birth_year: row.birth_year,
    hire_date: row.hire_date,
    career_start_year: row.career_start_year,
    experience_level: row.experience_level_explicit,
    manager: row.manager_external_id,
    social_maturity_stage: row.social_maturity_stage,
    skills: row.skills,
    interests: row.interests,
    mentor_topics: row.mentor_topics,
    learning_goals: row.learning_goals,
    languages: row.languages,
    about: row.about,
    can_help_with: row.can_help_with,
    mentor_available: row.mentor_available,
    ambassador: row.ambassador,
    status: row.status,
    attributes: row.attributes as PersonRecord['attributes'],
  };
}
