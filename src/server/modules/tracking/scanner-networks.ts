// Which known scanner or mail-proxy network an address belongs to (the bundled list in
// scanner-networks.data.ts), parsed once with ipaddr.js; IPv4-mapped IPv6 addresses count as IPv4.
import ipaddr from 'ipaddr.js';
import { SCANNER_NETWORKS, type ScannerNetwork } from './scanner-networks.data.js';

type Parsed = { name: string; kind: 'ipv4' | 'ipv6'; range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

/** The ranges of a list, parsed; throws on a malformed CIDR (a test keeps the bundled list valid). */
export function parseNetworks(networks: ScannerNetwork[]): Parsed[] {
  return networks.flatMap((n) =>
    n.ranges.map((cidr) => {
      const range = ipaddr.parseCIDR(cidr);
      return { name: n.name, kind: range[0].kind(), range };
    }),
  );
}

const BUNDLED = parseNetworks(SCANNER_NETWORKS);

/**
 * The name of the scanner network `address` is in, or null.
 * @example scannerNetworkOf('40.107.1.2') // 'microsoft_eop'
 */
export function scannerNetworkOf(address: string, networks: Parsed[] = BUNDLED): string | null {
  if (!ipaddr.isValid(address)) return null;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  for (const n of networks) if (n.kind === ip.kind() && ip.match(n.range)) return n.name;
  return null;
}
