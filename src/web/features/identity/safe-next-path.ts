// Where to go after login: only same-origin app paths from `?next=`, never another site.
export function safeNextPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/people';
  if (raw.startsWith('/login')) return '/people';
  return raw;
}
