// Where a socket URL's host can be reached from: a phone on mobile data reaches public domain names only,
// never this machine's loopback, a LAN-only address or a bare host name. Pure (used by the release-parity
// verdict in the panel and in tests).

/** How a host name or IP literal is reachable from a phone. */
export type HostReach =
  /** The phone itself: 127.0.0.0/8, ::1, localhost. */
  | 'loopback'
  /** Only inside a private network: RFC 1918, link-local, carrier-grade NAT, unique-local IPv6, .local names, bare names. */
  | 'lan'
  /** A public IP address: reachable, but an allowlist takes domain names and certificates rarely name IPs. */
  | 'public-ip'
  /** A domain name. */
  | 'domain';

const LAN_SUFFIXES = ['.local', '.lan', '.home', '.internal', '.intranet', '.corp', '.home.arpa'];

/** The reach of `hostname` as `URL.hostname` gives it (IPv6 in brackets, IPv4 normalised). */
export function hostReach(hostname: string): HostReach {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Reach(host.slice(1, -1));
  const v4 = ipv4Octets(host);
  if (v4) return ipv4Reach(v4);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.') || LAN_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'lan';
  return 'domain';
}

function ipv4Octets(host: string): number[] | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return undefined;
  const octets = host.split('.').map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function ipv4Reach([a = 0, b = 0]: number[]): HostReach {
  if (a === 127 || a === 0) return 'loopback';
  const isPrivate = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  const isLinkLocal = a === 169 && b === 254;
  const isCarrierNat = a === 100 && b >= 64 && b <= 127;
  return isPrivate || isLinkLocal || isCarrierNat ? 'lan' : 'public-ip';
}

function ipv6Reach(address: string): HostReach {
  if (address === '::1' || address === '::') return 'loopback';
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const high = parseInt(mapped[1] as string, 16);
    const low = parseInt(mapped[2] as string, 16);
    return ipv4Reach([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  const isUniqueLocal = (first & 0xfe00) === 0xfc00;
  const isLinkLocal = (first & 0xffc0) === 0xfe80;
  return isUniqueLocal || isLinkLocal ? 'lan' : 'public-ip';
}
