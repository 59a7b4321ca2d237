// Help requests: an employee describes a problem; a job asks the top experts, spreading requests so
// the same few are not flooded; one accepts; they talk; the asker resolves and thanks. A resolved
// request becomes evidence of the expert's knowledge, public only by the asker's choice. Kudos are
// public thanks with a reason.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { CodedReason } from '../../../shared/expertise.js';
import { findPeopleCardsByIds, type Thresholds } from '../people/index.js';
import { detectLanguage } from './detect-language.js';
import { findExperts } from './find-experts.js';
import * as q from './help.queries.js';
import * as evidence from './contributions.queries.js';
import { routeHelpRequestJob } from './jobs/route-help-request.job.js';

export const ROUTING = {
  /** Experts invited per request. */
  invitations: 3,
  /** Candidates considered before spreading the load. */
  candidates: 15,
  /** Open invitations from this many days count as an expert's current load. */
  loadDays: 14,
} as const;

function needPerson(personId: number | null): number {
  if (personId === null)
    throw new AppError('forbidden', 'only people in the directory can ask for or give help; this account has no profile', coded('profile.none'));
  return personId;
}

/**
 * Records the question and, in the same transaction, the job that routes it to experts.
 * @example const request = await askForHelp({ db, jobs, askerId: 7, question: 'How do pivot tables group by month?' });
 */
export async function askForHelp(input: { db: AnyDb; jobs: JobQueue; askerId: number | null; question: string }) {
  const askerId = needPerson(input.askerId);
  return input.db.transaction().execute(async (trx) => {
    const request = await q.insertHelpRequest(trx, askerId, input.question);
    await input.jobs.enqueue(trx, routeHelpRequestJob, { requestId: request.id });
    return { id: request.id, status: request.status };
  });
}

/**
 * Invites the best available experts, dividing each one's score by (1 + their open invitations), so
 * requests spread over more people. Idempotent: a request that has invitations is left alone.
 */
export async function routeHelpRequest(input: { db: AnyDb; requestId: number; thresholds?: Thresholds }): Promise<number[]> {
  const request = await q.findHelpRequest(input.db, input.requestId);
  if (!request || request.status !== 'open') return [];
  if ((await q.findInvitations(input.db, request.id)).length > 0) return [];
  const { results } = await findExperts({ db: input.db, q: request.question, limit: ROUTING.candidates + 1, thresholds: input.thresholds });
  const candidates = results.filter((r) => r.person.id !== request.asker_id && r.person.available);
  const load = await q.countOpenInvitations(
    input.db,
    candidates.map((c) => c.person.id),
    ROUTING.loadDays,
  );
  const chosen = candidates
    .map((c) => ({ c, adjusted: c.score / (1 + (load.get(c.person.id) ?? 0)) }))
    .sort((a, b) => b.adjusted - a.adjusted)
    .slice(0, ROUTING.invitations);
  await q.insertInvitations(
    input.db,
    request.id,
    chosen.map(({ c }, i) => ({ expertId: c.person.id, rank: i + 1, reasons: c.reasons, reasonCodes: c.reason_codes as CodedReason[] })),
  );
  return chosen.map(({ c }) => c.person.id);
}

async function participantView(db: AnyDb, id: number, viewer: number, thresholds: Thresholds) {
  const request = await q.findHelpRequest(db, id);
  const invitations = request ? await q.findInvitations(db, id) : [];
  if (!request || (request.asker_id !== viewer && !invitations.some((i) => i.expert_id === viewer)))
    throw notFound(`help request ${id}`, coded('help.not_found', { id }));
  const [messages, thanked, published] = await Promise.all([q.findMessages(db, id), q.hasThanks(db, id, request.asker_id), evidence.findHelpEvidence(db, id)]);
  const cards = await findPeopleCardsByIds({ db, ids: [request.asker_id, ...invitations.map((i) => i.expert_id)], thresholds });
  const name = (pid: number) => cards.get(pid)?.display_name ?? 'former colleague';
  return {
    request,
    view: {
      id: request.id,
      question: request.question,
      status: request.status,
      asker: { id: request.asker_id, display_name: name(request.asker_id) },
      expert: request.expert_id ? { id: request.expert_id, display_name: name(request.expert_id) } : null,
      invitations: invitations.map((i) => ({
        expert: { id: i.expert_id, display_name: name(i.expert_id) },
        status: i.status,
        reasons: i.reasons,
        reason_codes: i.reason_codes,
      })),
      messages: messages.map((m) => ({ author: { id: m.author_id, display_name: name(m.author_id) }, body: m.body, created_at: m.created_at.toISOString() })),
      thanked,
      evidence: published ?? null,
      created_at: request.created_at.toISOString(),
    },
  };
}

const inboxPages = idCursor('h');

/**
 * My help inbox: requests I asked and those I was invited to or took, newest first, in cursor pages.
 * @example const { items, next_cursor } = await listMyHelpRequests({ db, personId: 7, limit: 20, thresholds });
 */
export async function listMyHelpRequests(input: { db: AnyDb; personId: number | null; cursor?: string; limit: number; thresholds: Thresholds }) {
  const personId = needPerson(input.personId);
  const rows = await q.findInbox(input.db, personId, inboxPages.decode(input.cursor) ?? null, input.limit + 1);
  const { page, next_cursor } = pageOf(rows, input.limit, inboxPages, (r) => r.id);
  const ids = page.flatMap((r) => (r.expert_id ? [r.asker_id, r.expert_id] : [r.asker_id]));
  const cards = await findPeopleCardsByIds({ db: input.db, ids: [...new Set(ids)], thresholds: input.thresholds });
  const ref = (id: number) => ({ id, display_name: cards.get(id)?.display_name ?? null });
  return {
    items: page.map((r) => ({
      id: r.id,
      question: r.question,
      status: r.status,
      role: r.role,
      my_invitation: r.my_invitation,
      asker: ref(r.asker_id),
      expert: r.expert_id ? ref(r.expert_id) : null,
      message_count: r.message_count,
      created_at: r.created_at.toISOString(),
      resolved_at: r.resolved_at?.toISOString() ?? null,
    })),
    next_cursor,
  };
}

export async function getHelpRequest(input: { db: AnyDb; id: number; viewerId: number | null; thresholds: Thresholds }) {
  return (await participantView(input.db, input.id, needPerson(input.viewerId), input.thresholds)).view;
}

export async function acceptHelpRequest(input: { db: AnyDb; id: number; expertId: number | null; thresholds: Thresholds }) {
  const expertId = needPerson(input.expertId);
  await participantView(input.db, input.id, expertId, input.thresholds);
  if (!(await q.acceptRequest(input.db, input.id, expertId)))
    throw new AppError('conflict', 'this request is no longer open for you to accept', coded('help.not_open_for_you'));
  return getHelpRequest({ db: input.db, id: input.id, viewerId: expertId, thresholds: input.thresholds });
}

export async function declineHelpRequest(input: { db: AnyDb; id: number; expertId: number | null; thresholds: Thresholds }) {
  const expertId = needPerson(input.expertId);
  await participantView(input.db, input.id, expertId, input.thresholds);
  if (!(await q.declineInvitation(input.db, input.id, expertId)))
    throw new AppError('conflict', 'there is no open invitation of yours on this request', coded('help.no_open_invitation'));
}

export async function postHelpMessage(input: { db: AnyDb; id: number; authorId: number | null; body: string; thresholds: Thresholds }) {
  const authorId = needPerson(input.authorId);
  const { request } = await participantView(input.db, input.id, authorId, input.thresholds);
  if (request.status !== 'accepted' || (authorId !== request.asker_id && authorId !== request.expert_id)) {
    throw new AppError(
      'conflict',
      'messages go between the asker and the expert who accepted, while the request is in progress',
      coded('help.messages_closed'),
    );
  }
  await q.insertMessage(input.db, input.id, authorId, input.body);
  return getHelpRequest({ db: input.db, id: input.id, viewerId: authorId, thresholds: input.thresholds });
}

/**
 * The asker closes the request. The exchange becomes evidence of what the expert knows: public (the
 * question and the expert's answers, on the expert's profile and in search) only when the asker
 * chooses `publish`; otherwise private, counting towards the expert's ranking with no text kept.
 * @example await resolveHelpRequest({ db, id: 12, askerId: 7, publish: false, thresholds });
 */
export async function resolveHelpRequest(input: { db: AnyDb; id: number; askerId: number | null; publish: boolean; thresholds: Thresholds }) {
  const askerId = needPerson(input.askerId);
  const { request } = await participantView(input.db, input.id, askerId, input.thresholds);
  if (request.asker_id !== askerId) throw new AppError('forbidden', 'only the person who asked can resolve the request', coded('help.only_asker_resolves'));
  await input.db.transaction().execute(async (trx) => {
    await evidence.lockLexemeStatistics(trx);
    if (!(await q.resolveRequest(trx, input.id))) throw new AppError('conflict', 'only a request someone accepted can be resolved', coded('help.not_accepted'));
    const messages = await q.findMessages(trx, input.id);
    const body = [request.question, ...messages.filter((m) => m.author_id === request.expert_id).map((m) => m.body)].join('\n\n');
    const evidenceId = await evidence.insertHelpEvidence(trx, {
      helpRequestId: input.id,
      personId: request.expert_id!,
      visibility: input.publish ? 'public' : 'private',
      title: request.question.split('\n')[0]!.slice(0, 200),
      body,
      language: detectLanguage(body),
    });
    // One new document: counted into the statistics, not a rescan of the whole collection.
    await evidence.addToStatistics(trx, evidenceId);
  });
  return getHelpRequest({ db: input.db, id: input.id, viewerId: askerId, thresholds: input.thresholds });
}

/** Public thanks with a reason; `helpRequestId` ties it to a request the giver asked. */
export async function giveKudos(input: {
  db: AnyDb;
  fromId: number | null;
  toId: number;
  message: string;
  skill?: string | null;
  helpRequestId?: number | null;
  thresholds: Thresholds;
}) {
  const fromId = needPerson(input.fromId);
  if (fromId === input.toId) {
    throw new AppError('validation', 'kudos go to someone else', {
      ...coded('kudos.to_yourself'),
      problems: [{ pointer: '/to', message: 'yourself', code: 'kudos.to_yourself' }],
    });
  }
  if (!(await findPeopleCardsByIds({ db: input.db, ids: [input.toId], thresholds: input.thresholds })).has(input.toId)) {
    throw notFound(`person ${input.toId}`, coded('person.not_found', { id: input.toId }));
  }
  const row = await q.insertKudos(input.db, {
    fromId,
    toId: input.toId,
    message: input.message,
    skill: input.skill ?? null,
    helpRequestId: input.helpRequestId ?? null,
  });
  return presentKudos(row, new Map());
}

export async function thankExpert(input: { db: AnyDb; id: number; askerId: number | null; message: string; thresholds: Thresholds }) {
  const askerId = needPerson(input.askerId);
  const { request } = await participantView(input.db, input.id, askerId, input.thresholds);
  if (request.asker_id !== askerId || !request.expert_id)
    throw new AppError('conflict', 'only the asker can thank, once an expert has accepted', coded('help.only_asker_thanks'));
  return giveKudos({ db: input.db, fromId: askerId, toId: request.expert_id, message: input.message, helpRequestId: request.id, thresholds: input.thresholds });
}

export async function listKudos(input: { db: AnyDb; personId: number; thresholds: Thresholds }) {
  const rows = await q.findKudosFor(input.db, input.personId, 50);
  const cards = await findPeopleCardsByIds({ db: input.db, ids: rows.map((r) => r.from_id), thresholds: input.thresholds });
  return { kudos: rows.map((r) => presentKudos(r, cards)) };
}

function presentKudos(row: q.KudosRow, cards: Map<number, { display_name: string }>) {
  return {
    id: row.id,
    from: { id: row.from_id, display_name: cards.get(row.from_id)?.display_name ?? null },
    to: row.to_id,
    message: row.message,
    skill: row.skill,
    help_request_id: row.help_request_id,
    created_at: row.created_at.toISOString(),
  };
}

/** Kudos given since `since`, for other modules (advocacy points). */
export async function kudosSince(input: { db: AnyDb; since: Date }) {
  return (await q.findKudosSince(input.db, input.since)).map((r) => presentKudos(r, new Map()));
}

/** Help requests resolved since `since` with the expert who resolved them, for other modules (advocacy points). */
export async function helpResolvedSince(input: { db: AnyDb; since: Date }) {
  return (await q.findHelpResolvedSince(input.db, input.since)).map((r) => ({ id: Number(r.id), expert_id: Number(r.expert_id), resolved_at: r.resolved_at }));
}
