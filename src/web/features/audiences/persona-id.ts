// A route's `:id` as a persona id, or null when it is not a positive integer.
export function parsePersonaId(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}
