// Address ranges of mail scanners and mail-privacy proxies that fetch pixels and follow links on a
// reader's behalf (ADR 0022 says where each list comes from and how to update it). A request from
// one of these networks is recorded but flagged as machine traffic, never counted as a person's.
// Update: replace a provider's ranges with the provider's current published list and note the date.

export type ScannerNetwork = { name: string; source: string; checked: string; ranges: string[] };

export const SCANNER_NETWORKS: ScannerNetwork[] = [
  {
    name: 'microsoft_eop',
    // Microsoft 365 URLs and IP address ranges, "Exchange Online" ID 9 (Exchange Online Protection,
    // the address space Defender for Office 365 Safe Links detonates from).
    source: 'https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges (endpoints.office.com, ID 9)',
    checked: '2026-11',
    ranges: ['40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '52.238.78.88/32', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48'],
  },
  {
    name: 'mimecast',
    // Mimecast "Data Centers and URLs" knowledge-base page, inbound/outbound ranges per region.
    source: 'https://community.mimecast.com/s/article/Data-Centers-and-URLs (per-region IP ranges)',
    checked: '2026-11',
    ranges: [
      '205.139.110.0/24',
      '207.211.30.0/24',
      '216.205.24.0/24',
      '170.10.128.0/24',
      '195.130.217.0/24',
      '91.220.42.0/24',
      '146.101.78.0/24',
      '185.58.84.0/22',
      '51.163.158.0/23',
    ],
  },
  {
    name: 'proofpoint',
    // Proofpoint Essentials "IP addresses to allow" and Proofpoint-hosted (pphosted.com) networks.
    source: 'https://help.proofpoint.com (Essentials: Proofpoint IP addresses), ARIN WHOIS for PROOFPOINT',
    checked: '2026-11',
    ranges: ['67.231.144.0/20', '148.163.128.0/19', '208.84.65.0/24', '208.86.202.0/24', '185.132.180.0/22', '185.183.28.0/22'],
  },
  {
    name: 'barracuda',
    // Barracuda Email Security Service / Essentials, "Barracuda IP ranges" campus article.
    source: 'https://campus.barracuda.com (Email Gateway Defense: IP ranges to allow)',
    checked: '2026-11',
    ranges: ['64.235.144.0/20', '209.222.80.0/21', '35.157.190.224/27', '3.9.141.96/28', '34.116.138.0/24'],
  },
  {
    name: 'apple_mail_privacy',
    // Apple Mail Privacy Protection prefetches remote content through Apple's own proxies; Apple's
    // network is 17.0.0.0/8 (ARIN WHOIS, APPLE-WWNET). iCloud Private Relay's egress list
    // (https://mask-api.icloud.com/egress-ip-ranges.csv) is people browsing, not MPP, and is not used.
    source: 'ARIN WHOIS NET-17-0-0-0-1 (Apple Inc.)',
    checked: '2026-11',
    ranges: ['17.0.0.0/8'],
  },
];
