// Test helper: uploads a people file through the public route and follows the import it starts until
// it ends, then reads its whole report page by page, as an API client would.
import type { FastifyInstance } from 'fastify';
import type { ImportProblem, PeopleImport } from '../../../../shared/people.js';

export type ImportOutcome = { status: number; body: unknown; import?: PeopleImport; problems: ImportProblem[] };

/** Answers while an import runs: `poll` is called with each state seen until it ends. */
export async function followImport(
  app: FastifyInstance,
  headers: Record<string, string>,
  id: number,
  poll?: (imp: PeopleImport) => void,
): Promise<PeopleImport> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const res = await app.inject({ url: `/api/v1/people/imports/${id}`, headers });
    if (res.statusCode !== 200) throw new Error(`GET import ${id}: ${res.statusCode} ${res.body}`);
    const imp = res.json<PeopleImport>();
    poll?.(imp);
    if (imp.state === 'done' || imp.state === 'failed') return imp;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not end`);
}

export async function readProblems(app: FastifyInstance, headers: Record<string, string>, id: number, limit = 100): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const res = await app.inject({ url: `/api/v1/people/imports/${id}/problems${query}`, headers });
    if (res.statusCode !== 200) throw new Error(`GET problems: ${res.statusCode} ${res.body}`);
    const page = res.json<{ items: ImportProblem[]; next_cursor: string | null }>();
    problems.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return problems;
}

/**
 * Uploads `payload` and, when the upload is accepted (202), waits for the import and its report.
 * @example const { import: imp, problems } = await importThroughApi(t.app, admin.headers, 'text/csv', csv);
 */
export async function importThroughApi(
  app: FastifyInstance,
  headers: Record<string, string>,
  contentType: string,
  payload: string | Buffer,
): Promise<ImportOutcome> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/people/import', headers: { ...headers, 'content-type': contentType }, payload });
  const body: unknown = res.json();
  if (res.statusCode !== 202) return { status: res.statusCode, body, problems: [] };
  const id = (body as PeopleImport).id;
  const imp = await followImport(app, headers, id);
  return { status: res.statusCode, body, import: imp, problems: await readProblems(app, headers, id) };
}
