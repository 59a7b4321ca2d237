// Where to go after login: only same-origin app paths from `?next=`, never another site; else home
// ("/"), which sends people to their feed and everyone else to People.
export function safeNextPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/login')) return '/';
  return raw;
}
