// Response shapes of the audiences API, re-exported from the shared contract for the feature's queries.
export { personaListSchema, ruleFieldsSchema, segmentListSchema, type RuleFields } from '../../../shared/audiences';
export { peoplePageSchema as segmentMembersPageSchema } from '../../../shared/people';
