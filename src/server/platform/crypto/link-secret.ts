// The secret that signs links in mail: LINK_SECRET when the deployment sets one (required in
// production, see config.ts), else one generated once and kept in the database, so every process of
// the embedded demo or a test database signs alike and a restart does not break links already sent.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AnyDb } from '../db/connect.js';
import { tokenSigner, type TokenSigner } from './signed-token.js';

const signers = new WeakMap<object, Promise<TokenSigner>>();

async function storedSecret(db: AnyDb): Promise<string> {
  // Two processes racing both insert; the first wins and both read it.
  await sql`INSERT INTO app_secrets (name, value) VALUES ('link_secret', ${randomBytes(32).toString('base64url')}) ON CONFLICT (name) DO NOTHING`.execute(db);
  const result = await sql<{ value: string }>`SELECT value FROM app_secrets WHERE name = 'link_secret'`.execute(db);
  return result.rows[0]!.value;
}

/**
 * The link signer of this database and configuration (one per process).
 * @example const signer = await linkSigner({ db, secret: config.LINK_SECRET });
 */
export function linkSigner(input: { db: AnyDb; secret: string | undefined }): Promise<TokenSigner> {
  if (input.secret) return Promise.resolve(tokenSigner(input.secret));
  let signer = signers.get(input.db);
  if (!signer) {
    signer = storedSecret(input.db).then(tokenSigner);
    void signer.catch(() => signers.delete(input.db));
    signers.set(input.db, signer);
  }
  return signer;
}
