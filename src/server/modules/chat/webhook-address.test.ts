// Where a webhook may point: https to public addresses only, unless CHAT_WEBHOOK_ALLOW_PRIVATE says
// otherwise; the client refuses a blocked address on connection too; and the hint shows no secret.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/app-error.js';
import { checkWebhookUrl, isBlockedAddress, webhookHint } from './webhook-address.js';
import { parseRetryAfter, postWebhook } from './webhook-client.js';

const refusal = async (url: string, allowPrivate = false) => {
  try {
    await checkWebhookUrl(url, { allowPrivate, pointer: '/webhook_url' });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.messageCode, pointer: error.problems[0]?.pointer };
  }
  return null;
};

describe('webhook addresses', () => {
  it('refuses what is not https, private, loopback or link-local, and allows it when configured', async () => {
    expect(await refusal('not a url')).toEqual({ code: 'chat.webhook_url_invalid', pointer: '/webhook_url' });
    expect(await refusal('ftp://hooks.example/x')).toMatchObject({ code: 'chat.webhook_url_invalid' });
    expect(await refusal('https://user:pw@hooks.example/x')).toMatchObject({ code: 'chat.webhook_url_invalid' });
    expect(await refusal('http://203.0.113.9/x')).toMatchObject({ code: 'chat.webhook_url_not_https' });
    for (const host of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '[fd00::1]', '[::ffff:10.0.0.1]', '0.0.0.0']) {
      expect(await refusal(`https://${host}/hook`)).toMatchObject({ code: 'chat.webhook_address_blocked', pointer: '/webhook_url' });
    }
    expect(await refusal('https://8.8.8.8/hook')).toBeNull();
    expect(await refusal('http://127.0.0.1:9/hook', true)).toBeNull();
    expect(await refusal('https://no-such-host.invalid/hook')).toMatchObject({ code: 'chat.webhook_host_unknown' });
    expect(isBlockedAddress('100.64.0.1')).toBe(true);
    expect(isBlockedAddress('2606:4700::1111')).toBe(false);
  });

  it('refuses a blocked address when posting, whatever was stored', async () => {
    expect(await postWebhook('http://127.0.0.1:9/x', {}, { allowPrivate: false })).toMatchObject({ kind: 'permanent', reason: 'address_blocked' });
    expect(await postWebhook('https://127.0.0.1:9/x', {}, { allowPrivate: false })).toMatchObject({ kind: 'permanent', reason: 'address_blocked' });
    // localhost is resolved, then refused on connection.
    expect(await postWebhook('https://localhost:9/x', {}, { allowPrivate: false })).toMatchObject({ kind: 'permanent', reason: 'address_blocked' });
    // Allowed, a closed port is a passing network error.
    expect(await postWebhook('http://127.0.0.1:9/x', {}, { allowPrivate: true })).toMatchObject({ kind: 'retry', status: null });
  });

  it('shows scheme, host and the last characters only, and reads Retry-After', () => {
    expect(webhookHint(new URL('https://hooks.slack.com/services/T0/B0/abcdef1234'))).toBe('https://hooks.slack.com/…1234');
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT'))).toBe(2000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
