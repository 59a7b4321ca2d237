// Where a chat webhook may point (ADR 0019): https to a public address. A webhook URL comes from an
// admin, but the server is the one that calls it, so a URL naming an internal service (metadata
// endpoints, the database, anything on 10.x) would turn the sender into a proxy into the network
// (SSRF). The host is checked when the channel is saved and again on every connection (the address
// the connection really uses, so a name that resolves differently later is caught too).
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { AppError, coded, fieldProblem } from '../../platform/http/app-error.js';

/** Addresses no webhook may reach unless CHAT_WEBHOOK_ALLOW_PRIVATE is set. */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** Whether an address is private, loopback, link-local or otherwise not on the public internet. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // An IPv4 address mapped into IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return BLOCKED.check(mapped, 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return BLOCKED.check(address, 'ipv4');
}

const invalid = (pointer: string, message: string, code: Parameters<typeof coded>[0], params: Record<string, string> = {}) =>
  new AppError('validation', message, { ...coded(code, params as never), problems: [fieldProblem(pointer, message, coded(code, params as never))] });

/**
 * Checks a webhook URL before it is stored: http(s), https unless private addresses are allowed, and
 * a host that resolves only to public addresses. A 400 problem at `pointer` otherwise.
 * @example await checkWebhookUrl('https://hooks.slack.com/services/T0/B0/x', { allowPrivate: false, pointer: '/webhook_url' });
 */
export async function checkWebhookUrl(raw: string, options: { allowPrivate: boolean; pointer: string }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(options.pointer, 'not a URL', 'chat.webhook_url_invalid');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname) {
    throw invalid(options.pointer, 'a webhook is an https:// URL without user name or password', 'chat.webhook_url_invalid');
  }
  if (options.allowPrivate) return url;
  if (url.protocol !== 'https:') throw invalid(options.pointer, 'a webhook URL must use https', 'chat.webhook_url_not_https');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookupAsync(host, { all: true });
  } catch {
    throw invalid(options.pointer, `${host} does not resolve`, 'chat.webhook_host_unknown', { host });
  }
  if (addresses.length === 0 || addresses.some((a) => isBlockedAddress(a.address))) {
    throw invalid(options.pointer, `${host} is a private or local address`, 'chat.webhook_address_blocked', { host });
  }
  return url;
}

/** Raised by the guarded lookup when a connection would reach a blocked address. */
export class BlockedAddressError extends Error {
  readonly code = 'EADDRBLOCKED';
}

/**
 * A `lookup` for http.request that refuses blocked addresses (unless allowed): the check happens on
 * the address the socket really connects to.
 */
export function guardedLookup(allowPrivate: boolean): typeof dnsLookup {
  const guarded = (
    hostname: string,
    options: object,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      if (!allowPrivate && (list.length === 0 || list.some((a) => isBlockedAddress(a.address)))) {
        return callback(new BlockedAddressError(`${hostname} resolves to a blocked address`), '', 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0]!;
      return callback(null, first.address, first.family);
    });
  };
  return guarded as unknown as typeof dnsLookup;
}

/**
 * What the UI may show of a webhook URL: scheme, host and the last four characters.
 * @example webhookHint('https://hooks.slack.com/services/T0/B0/abcdef1234') // 'https://hooks.slack.com/…1234'
 */
export function webhookHint(url: URL): string {
  const whole = url.pathname + url.search;
  return `${url.protocol}//${url.host}/…${whole.length > 12 ? whole.slice(-4) : ''}`;
}
