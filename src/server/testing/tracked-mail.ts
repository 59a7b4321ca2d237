// What report tests need from a tracked mail caught by the SMTP sink (ADR 0022): its recipient, the
// path of its open pixel and of its first tracked link (to request through the app), a browser's user
// agent (so a request counts as a person's), and a small directory of teams to send to.
import type { ParsedMail } from 'mailparser';
import type { AnyDb } from '../platform/db/connect.js';
import { importPeopleRows } from '../modules/people/index.js';

/** A desktop Chrome: neither `isbot` nor a scanner network, so an open or click in it is a person's. */
export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** The mail's (first) recipient address. */
export const mailTo = (mail: ParsedMail): string => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';

/** The path (`/t/o/…`) of the mail's open pixel. */
export const pixelPathOf = (mail: ParsedMail): string | undefined => String(mail.html).match(/<img src="https?:\/\/[^"/]+(\/t\/o\/[^"]+)"/)?.[1];

/** The path (`/t/c/…`) of the mail's first tracked link. */
export const firstLinkPathOf = (mail: ParsedMail): string | undefined => String(mail.html).match(/href="https?:\/\/[^"/]+(\/t\/c\/[^"]+)"/)?.[1];

export type Team = { dept: string; n: number; birth: number; language?: string };

/** The addresses of a team's people: `<dept><i>@<domain>`. */
export const teamEmails = (teams: readonly Team[], dept: string, domain: string): string[] =>
  Array.from({ length: teams.find((x) => x.dept === dept)!.n }, (_, i) => `${dept.toLowerCase()}${i}@${domain}`);

/**
 * Imports each team's people (given name `<Dept><i>`, family name `family`); `extra` adds fields per person.
 * @example await importTeams(db, [{ dept: 'Ops', n: 5, birth: 1970 }], 'r.example', 'R');
 */
export async function importTeams(
  db: AnyDb,
  teams: readonly Team[],
  domain: string,
  family: string,
  extra: (team: Team, i: number) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const rows = teams
    .flatMap((team) =>
      teamEmails(teams, team.dept, domain).map((email, i) => ({
        external_id: email,
        email,
        given_name: `${team.dept}${i}`,
        family_name: family,
        department: team.dept,
        language: team.language ?? 'en',
        birth_year: team.birth,
        ...extra(team, i),
      })),
    )
    .map((value, i) => ({ line: i + 1, value }));
  const { errors } = await importPeopleRows({ db, rows });
  if (errors.length > 0) throw new Error(`import failed: ${JSON.stringify(errors)}`);
}
