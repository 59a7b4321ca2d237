// Where campaign mail goes: an SMTP server through nodemailer (pooled connections, an optional
// messages-per-second limit), or, without SMTP_URL, the built-in outbox that communicators read in the
// app. One transport per process and URL, closed when the process stops.
import nodemailer, { type Transporter } from 'nodemailer';
import type { AnyDb } from '../../platform/db/connect.js';
import * as q from './delivery.queries.js';

export type OutgoingMail = {
  deliveryId: number;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Where answers go (a leader's own address when the mail goes out in their name). */
  replyTo?: string;
};

/** Sends one mail; throws a `MailError` telling a temporary refusal from a permanent one. */
export type MailTransport = { kind: 'smtp' | 'outbox'; send(mail: OutgoingMail): Promise<void> };

/** A refusal by the mail server: `permanent` (5xx: the address is bad) or not (4xx, network: try again). */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

const smtpPools = new Map<string, Transporter>();

function smtpPool(url: string, ratePerSecond: number | null): Transporter {
  const key = `${url} ${ratePerSecond ?? ''}`;
  let pool = smtpPools.get(key);
  if (!pool) {
    pool = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 4,
      maxMessages: 1000,
      ...(ratePerSecond ? { rateDelta: 1000, rateLimit: ratePerSecond } : {}),
    } as Parameters<typeof nodemailer.createTransport>[0]);
    smtpPools.set(key, pool);
  }
  return pool;
}

function asMailError(error: unknown): MailError {
  const e = error as { responseCode?: number; message?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  return new MailError(e.message ?? String(error), code !== null && code >= 500 && code < 600, code);
}

/**
 * The transport the configuration asks for.
 * @example const transport = mailTransport({ db, smtpUrl: config.SMTP_URL, ratePerSecond: null });
 */
export function mailTransport(input: { db: AnyDb; smtpUrl: string | undefined; ratePerSecond: number | null }): MailTransport {
  if (!input.smtpUrl) {
    return { kind: 'outbox', send: (mail) => q.insertOutboxMessage(input.db, mail) };
  }
  const pool = smtpPool(input.smtpUrl, input.ratePerSecond);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await pool.sendMail({
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        });
      } catch (error) {
        throw asMailError(error);
      }
    },
  };
}

/** Closes every pooled SMTP connection of this process. */
export function closeMailTransports(): void {
  for (const pool of smtpPools.values()) pool.close();
  smtpPools.clear();
}
