// The only SQL over help requests, invitations, messages and kudos.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { CodedReason } from '../../../shared/expertise.js';

export type HelpRequestRow = {
  id: number;
  asker_id: number;
  question: string;
  status: 'open' | 'accepted' | 'resolved' | 'cancelled';
  expert_id: number | null;
  created_at: Date;
  resolved_at: Date | null;
};
export type InvitationRow = {
  request_id: number;
  expert_id: number;
  status: 'invited' | 'accepted' | 'declined' | 'closed';
  rank: number;
  reasons: string[];
  reason_codes: CodedReason[];
};

export async function insertHelpRequest(db: AnyDb, askerId: number, question: string): Promise<HelpRequestRow> {
  return (await sql<HelpRequestRow>`INSERT INTO help_requests (asker_id, question) VALUES (${askerId}, ${question}) RETURNING *`.execute(db)).rows[0]!;
}

export async function findHelpRequest(db: AnyDb, id: number): Promise<HelpRequestRow | undefined> {
  return (await sql<HelpRequestRow>`SELECT * FROM help_requests WHERE id = ${id}`.execute(db)).rows[0];
}

export async function findInvitations(db: AnyDb, requestId: number): Promise<InvitationRow[]> {
  return (
    await sql<InvitationRow>`
      SELECT request_id, expert_id, status, rank, reasons, reason_codes FROM help_invitations WHERE request_id = ${requestId} ORDER BY rank`.execute(db)
  ).rows;
}

/** Open invitations each expert received in the last `days` days: how busy they already are. */
export async function countOpenInvitations(db: AnyDb, expertIds: number[], days: number): Promise<Map<number, number>> {
  if (expertIds.length === 0) return new Map();
  const result = await sql<{ expert_id: number; n: number }>`
    SELECT expert_id, count(*)::int AS n FROM help_invitations
    WHERE expert_id = ANY(${expertIds}::bigint[]) AND invited_at > now() - make_interval(days => ${days}::int) AND status IN ('invited', 'accepted')
    GROUP BY expert_id`.execute(db);
  return new Map(result.rows.map((r) => [r.expert_id, r.n]));
}

/** Writes the invitations of a request that has none yet (a re-run job writes nothing twice). */
export async function insertInvitations(
  db: AnyDb,
  requestId: number,
  invites: { expertId: number; rank: number; reasons: string[]; reasonCodes: CodedReason[] }[],
): Promise<void> {
  if (invites.length === 0) return;
  const rows = invites.map((i) => ({ expert_id: i.expertId, rank: i.rank, reasons: i.reasons, reason_codes: i.reasonCodes }));
  await sql`
    INSERT INTO help_invitations (request_id, expert_id, rank, reasons, reason_codes)
    SELECT ${requestId}, x.expert_id, x.rank, x.reasons, x.reason_codes FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(expert_id bigint, rank int, reasons text[], reason_codes jsonb)
    ON CONFLICT DO NOTHING`.execute(db);
}

/** The invited expert takes the request; everyone else's invitation closes. False when it was not theirs to take. */
export async function acceptRequest(db: AnyDb, requestId: number, expertId: number): Promise<boolean> {
  const taken = await sql`
    UPDATE help_requests SET status = 'accepted', expert_id = ${expertId}
    WHERE id = ${requestId} AND status = 'open'
      AND EXISTS (SELECT 1 FROM help_invitations WHERE request_id = ${requestId} AND expert_id = ${expertId} AND status = 'invited')`.execute(db);
  if ((taken.numAffectedRows ?? 0n) === 0n) return false;
  await sql`UPDATE help_invitations SET status = CASE WHEN expert_id = ${expertId} THEN 'accepted' ELSE 'closed' END, responded_at = now()
    WHERE request_id = ${requestId} AND status = 'invited'`.execute(db);
  return true;
}

export async function declineInvitation(db: AnyDb, requestId: number, expertId: number): Promise<boolean> {
  const result = await sql`UPDATE help_invitations SET status = 'declined', responded_at = now()
    WHERE request_id = ${requestId} AND expert_id = ${expertId} AND status = 'invited'`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

export async function resolveRequest(db: AnyDb, requestId: number): Promise<boolean> {
  const result = await sql`UPDATE help_requests SET status = 'resolved', resolved_at = now() WHERE id = ${requestId} AND status = 'accepted'`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

export async function insertMessage(db: AnyDb, requestId: number, authorId: number, body: string): Promise<void> {
  await sql`INSERT INTO help_messages (request_id, author_id, body) VALUES (${requestId}, ${authorId}, ${body})`.execute(db);
}

export async function findMessages(db: AnyDb, requestId: number): Promise<{ author_id: number; body: string; created_at: Date }[]> {
  return (
    await sql<{ author_id: number; body: string; created_at: Date }>`
    SELECT author_id, body, created_at FROM help_messages WHERE request_id = ${requestId} ORDER BY id`.execute(db)
  ).rows;
}

export type KudosRow = { id: number; from_id: number; to_id: number; message: string; skill: string | null; help_request_id: number | null; created_at: Date };

export async function insertKudos(
  db: AnyDb,
  k: { fromId: number; toId: number; message: string; skill: string | null; helpRequestId: number | null },
): Promise<KudosRow> {
  return (
    await sql<KudosRow>`INSERT INTO kudos (from_id, to_id, message, skill, help_request_id)
    VALUES (${k.fromId}, ${k.toId}, ${k.message}, ${k.skill}, ${k.helpRequestId}) RETURNING *`.execute(db)
  ).rows[0]!;
}

export async function findKudosFor(db: AnyDb, personId: number, limit: number): Promise<KudosRow[]> {
  return (await sql<KudosRow>`SELECT * FROM kudos WHERE to_id = ${personId} ORDER BY created_at DESC, id DESC LIMIT ${limit}`.execute(db)).rows;
}

/** Kudos given since a point in time, for the advocacy module's points (its hook into expertise). */
export async function findKudosSince(db: AnyDb, since: Date): Promise<KudosRow[]> {
  return (await sql<KudosRow>`SELECT * FROM kudos WHERE created_at > ${since} ORDER BY created_at, id`.execute(db)).rows;
}

/** Help requests resolved since a point in time, with their expert (advocacy points' hook into expertise). */
export async function findHelpResolvedSince(db: AnyDb, since: Date): Promise<{ id: number; expert_id: number; resolved_at: Date }[]> {
  return (
    await sql<{ id: number; expert_id: number; resolved_at: Date }>`SELECT id, expert_id, resolved_at FROM help_requests
      WHERE status = 'resolved' AND resolved_at > ${since} AND expert_id IS NOT NULL ORDER BY resolved_at, id`.execute(db)
  ).rows;
}

export type InboxRow = HelpRequestRow & { role: 'asker' | 'expert'; my_invitation: InvitationRow['status'] | null; message_count: number };

/**
 * Requests `personId` asked or was invited to (invitations still open or taken), newest first, those
 * with an id below `beforeId`. Each side of the UNION uses its own index.
 */
export async function findInbox(db: AnyDb, personId: number, beforeId: number | null, limit: number): Promise<InboxRow[]> {
  return (
    await sql<InboxRow>`
    WITH mine AS (
      SELECT id FROM help_requests WHERE asker_id = ${personId}
      UNION
      SELECT request_id FROM help_invitations WHERE expert_id = ${personId} AND status IN ('invited', 'accepted')
    )
    SELECT r.*, CASE WHEN r.asker_id = ${personId} THEN 'asker' ELSE 'expert' END AS role,
      i.status AS my_invitation,
      (SELECT count(*)::int FROM help_messages AS m WHERE m.request_id = r.id) AS message_count
    FROM mine JOIN help_requests AS r ON r.id = mine.id
    LEFT JOIN help_invitations AS i ON i.request_id = r.id AND i.expert_id = ${personId}
    WHERE ${beforeId}::bigint IS NULL OR r.id < ${beforeId}::bigint
    ORDER BY r.id DESC
    LIMIT ${limit}`.execute(db)
  ).rows;
}

/** Whether the asker has given kudos for this request. */
export async function hasThanks(db: AnyDb, requestId: number, fromId: number): Promise<boolean> {
  return (
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM kudos WHERE help_request_id = ${requestId} AND from_id = ${fromId}`.execute(db)).rows[0]!.n > 0
  );
}
