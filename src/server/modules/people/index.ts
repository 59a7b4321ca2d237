// The people module's public API: other modules and the app import only from here.
export { registerPeopleRoutes } from './people.routes.js';
export { registerFieldLabelRoutes } from './field-labels.routes.js';
export { listFieldLabels, saveFieldLabels } from './field-labels.service.js';
export {
  startPeopleImport,
  getPeopleImport,
  listImportProblems,
  iterateImportProblems,
  readPeopleImportReport,
  importPeopleFile,
  importPeopleRows,
} from './import-people.js';
export { runPeopleImportJob } from './jobs/run-people-import.job.js';
export { detectPeopleFileFormat, type PeopleFileFormat } from './import/parse-people-file.js';
export { exportPeople, searchDirectory, getProfile, listAttributeKeys } from './people.service.js';
export { toExportStream } from './export-format.js';
export { derivedColumns, type Thresholds } from './people.queries.js';
export { countPeople, findDemoCandidates, setSocialMaturityStage } from './people.service.js';
export { generateDemoPeople, iterateDemoPeople } from './demo/generate-demo-people.js';
export { demoFieldLabels } from './demo/demo-field-labels.js';
export { countPeopleWhere, countPeopleGroupedWhere, exportPeopleWhere, findPeopleIdsWhere, findPeoplePageWhere, topFieldValues } from './people.service.js';
export { personFieldSql, attributeSql, attributeTextSql, isPersonSql, orgWithinSql, activePersonSql, type FieldContext } from './person-field-sql.js';
export { cohortSql, tenureAtLeastSql, hasTenureSql, experienceLevelSql, hasExperienceLevelSql } from './derived-field-ranges.js';
export {
  resolvePersonRefs,
  findPeopleCardsByIds,
  findPeopleIdsByTags,
  findPeopleByProfileText,
  findMentorCards,
  findAmbassadorCards,
} from './people.service.js';
export { countProfileHashtags, replaceProfileHashtags } from './profile-hashtags.js';
export { findTemplatePeople, selectAudienceRows, type TemplatePerson } from './template-people.js';
/** The curated skill catalogue (tags, en/de/nl labels, aliases) the demo draws from and expertise seeds its taxonomy with. */
export { SKILLS as SKILL_CATALOGUE } from './demo/skills-catalogue.js';
/** CSV cells neutralised against formula injection (OWASP), for every module's CSV export. */
export { escapeFormulaCell, ESCAPED_CELL } from './csv-formula.js';
