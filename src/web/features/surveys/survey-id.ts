// A survey's id from the address, or null when it is not one.
export const parseSurveyId = (raw: string | undefined): number | null => (raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);
