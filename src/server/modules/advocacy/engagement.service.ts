// Engagement the networks do not expose (ADR 0030): the link's owner reports reactions, comments and
// reshares, or a communicator imports them as CSV (columns `code` or `short_url`, `reactions`,
// `comments`, `reshares`); bad lines are reported with their line numbers and the good ones kept.
import Papa from 'papaparse';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { findLink } from './share.queries.js';
import { CODE_PATTERN } from './share.service.js';
import * as q from './engagement.queries.js';

export type ImportProblem = { line: number; code: string; message: string };

const linkNotFound = (code: string) => notFound(`link ${code}`, coded('advocacy.link_not_found', { code }));

/**
 * The owner's report of a link's engagement; anyone else's link is a 404 (its existence does not leak).
 * @example await reportEngagement({ db, code: 'Ab3dE5fG7h', personId: 42, figures: { reactions: 12, comments: 3, reshares: 1 }, at })
 */
export async function reportEngagement(input: {
  db: AnyDb;
  code: string;
  personId: number | null;
  figures: { reactions: number; comments: number; reshares: number };
  at: Date;
}) {
  if (!CODE_PATTERN.test(input.code)) throw linkNotFound(input.code);
  const link = await findLink(input.db, input.code);
  if (!link || input.personId === null || link.person_id === null || Number(link.person_id) !== input.personId) throw linkNotFound(input.code);
  const [row] = await q.insertEngagement(input.db, [{ code: link.code, ...input.figures, source: 'self' }], input.at);
  return { code: link.code, ...input.figures, reported_at: new Date(row!.reported_at).toISOString() };
}

/** The code of a cell holding a code or a short URL (`…/s/CODE`), or null. */
export function codeOfCell(cell: string): string | null {
  const value = cell.trim();
  const match = /\/s\/([^/?#]+)\/?(?:[?#].*)?$/u.exec(value);
  const code = match ? match[1]! : value;
  return CODE_PATTERN.test(code) ? code : null;
}

const FIGURES = ['reactions', 'comments', 'reshares'] as const;

/**
 * Imports engagement figures from CSV text: one report per good line, problems by line.
 * @example await importEngagement({ db, csv: 'code,reactions,comments,reshares\nAb3dE5fG7h,12,3,1', at })
 */
export async function importEngagement(input: { db: AnyDb; csv: string; at: Date }): Promise<{ imported: number; problems: ImportProblem[] }> {
  const parsed = Papa.parse<string[]>(input.csv.replace(/^\uFEFF/u, ''), { header: false, skipEmptyLines: false });
  const [header, ...lines] = parsed.data;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const codeColumn = columns.includes('code') ? columns.indexOf('code') : columns.indexOf('short_url');
  if (codeColumn < 0 || !columns.includes('reactions') || !columns.includes('comments')) {
    throw new AppError('validation', 'the CSV needs a code or short_url column and reactions and comments', {
      ...coded('advocacy.import_missing_columns'),
      problems: [{ line: 1, message: 'missing columns', code: 'advocacy.import_missing_columns' }],
    });
  }
  const problems: ImportProblem[] = [];
  const candidates: (q.EngagementRow & { line: number })[] = [];
  lines.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const code = codeOfCell(cells[codeColumn] ?? '');
    if (code === null) {
      problems.push({ line, code: 'advocacy.import_unknown_link', message: 'no link of ours' });
      return;
    }
    const figures: Record<string, number> = {};
    for (const name of FIGURES) {
      const index = columns.indexOf(name);
      const raw = index < 0 ? '0' : (cells[index] ?? '').trim() || (name === 'reshares' ? '0' : '');
      const value = /^\d{1,7}$/u.test(raw) ? Number(raw) : NaN;
      if (!(value >= 0 && value <= 1_000_000)) {
        problems.push({ line, code: 'advocacy.import_bad_number', message: `${name} is not a whole number from 0 to 1000000` });
        return;
      }
      figures[name] = value;
    }
    candidates.push({ line, code, reactions: figures.reactions!, comments: figures.comments!, reshares: figures.reshares!, source: 'import' });
  });
  const known = await q.existingCodes(input.db, [...new Set(candidates.map((c) => c.code))]);
  const good = candidates.filter((c) => {
    if (known.has(c.code)) return true;
    problems.push({ line: c.line, code: 'advocacy.import_unknown_link', message: 'no link of ours' });
    return false;
  });
  await q.insertEngagement(
    input.db,
    good.map(({ line: _line, ...row }) => row),
    input.at,
  );
  problems.sort((a, b) => a.line - b.line);
  return { imported: good.length, problems };
}
