// The audiences module's public API: other modules and the app import only from here.
export { registerAudienceRoutes } from './audiences.routes.js';
export { registerPersonaRoutes } from './personas.routes.js';
export {
  compileAudienceRule,
  checkAudienceRule,
  previewAudience,
  findAudienceIds,
  isInAudience,
  findAudiencePage,
  exportAudience,
} from './evaluate-audience.js';
export { saveSegment, getSegment, listSegments, updateSegment, deleteSegment } from './segments.service.js';
export { createPersona, getPersona, listPersonas, updatePersona, deletePersona, personaCoverage, getJourney, saveJourney } from './personas.service.js';
