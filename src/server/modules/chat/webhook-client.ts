// Posts one JSON payload to a chat webhook and says what the answer means for the ledger: taken,
// try again (5xx, 429 with its Retry-After, network errors, timeouts) or refused for good (any other
// 4xx, a blocked address). Errors carry the status and a short body, never the URL (it is a secret).
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, guardedLookup, isBlockedAddress } from './webhook-address.js';

export type WebhookOutcome =
  | { kind: 'ok'; status: number }
  | { kind: 'retry'; status: number | null; error: string; /** From a 429's Retry-After, in ms. */ retryAfterMs: number | null }
  | { kind: 'permanent'; status: number | null; error: string; reason: 'rejected' | 'address_blocked' };

const TIMEOUT_MS = 10_000;
const BODY_LIMIT = 300;

/** A Retry-After header in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * POSTs `payload` as JSON to `url`.
 * @example const outcome = await postWebhook(url, { text: 'hi' }, { allowPrivate: false }); // { kind: 'ok', status: 200 }
 */
export function postWebhook(url: string, payload: unknown, options: { allowPrivate: boolean; timeoutMs?: number }): Promise<WebhookOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && (target.protocol !== 'https:' || (isIP(host) !== 0 && isBlockedAddress(host)))) {
    return Promise.resolve({ kind: 'permanent', status: null, error: 'the webhook address is not allowed', reason: 'address_blocked' });
  }
  const body = Buffer.from(JSON.stringify(payload));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'user-agent': 'Resonance' },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs ?? TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('error', () => resolve({ kind: 'retry', status: null, error: 'the answer broke off', retryAfterMs: null }));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, BODY_LIMIT).replace(/\s+/g, ' ').trim();
          const error = `HTTP ${status}${text ? `: ${text}` : ''}`;
          if (status >= 200 && status < 300) resolve({ kind: 'ok', status });
          else if (status === 429) {
            const header: string | undefined = response.headers['retry-after'];
            resolve({ kind: 'retry', status, error, retryAfterMs: parseRetryAfter(header) });
          } else if (status >= 500 || status === 408) resolve({ kind: 'retry', status, error, retryAfterMs: null });
          else resolve({ kind: 'permanent', status, error, reason: 'rejected' });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof BlockedAddressError) {
        resolve({ kind: 'permanent', status: null, error: 'the webhook address is not allowed', reason: 'address_blocked' });
      } else {
        resolve({ kind: 'retry', status: null, error: `network: ${error.code ?? error.message}`, retryAfterMs: null });
      }
    });
    request.end(body);
  });
}
