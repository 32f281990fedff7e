// Which reverse proxies Baomi believes about the client's address and protocol (X-Forwarded-For,
// X-Forwarded-Proto). Trusting every hop let any client write any address into the audit trail and
// slip past the per-address login limit, so only named proxies are trusted: BAOMI_TRUST_PROXY is a
// comma-separated list of addresses or CIDR blocks (`10.0.0.5,10.0.0.6`, `10.0.0.0/24`), handed to
// Fastify (proxy-addr). The old `1` means the local machine only (a proxy on the same host), with a
// warning.
import { isIP } from 'node:net';

export interface TrustProxy {
  /** What Fastify's `trustProxy` gets: false, or the list of trusted proxy addresses/blocks. */
  value: false | string[];
  warning: string | null;
}

const LOOPBACK = ['127.0.0.1/8', '::1/128'];

function validEntry(e: string): boolean {
  const [addr, bits, extra] = e.split('/');
  if (extra !== undefined || !addr) return false;
  const v = isIP(addr);
  if (v === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (v === 4 ? 32 : 128);
}

/** Parses BAOMI_TRUST_PROXY; throws a bilingual message on an entry that is not an address or a block. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = (raw ?? '').trim();
  if (text === '' || text === '0' || text === 'false') return { value: false, warning: null };
  if (text === '1' || text === 'true') {
    return {
      value: LOOPBACK,
      warning:
        'BAOMI_TRUST_PROXY=1 now trusts a proxy on this machine only (127.0.0.1, ::1). Name your proxies: ' +
        'BAOMI_TRUST_PROXY=10.0.0.5,10.0.0.6 or a CIDR block. / BAOMI_TRUST_PROXY=1 现仅信任本机代理，请列出代理地址。',
    };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !validEntry(e));
  if (bad.length) {
    throw new Error(
      `BAOMI_TRUST_PROXY 中的“${bad.join('、')}”不是 IP 地址或 CIDR 网段 / ` +
        `BAOMI_TRUST_PROXY: "${bad.join('", "')}" is not an IP address or CIDR block`,
    );
  }
  return { value: entries, warning: null };
}
