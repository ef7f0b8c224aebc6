import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the web host: only pages it served itself. It binds 127.0.0.1, but any web page
 * the person visits can still aim requests at 127.0.0.1 or at a DNS name rebound to it, so every
 * request must name our own host, every WebSocket must come from our own origin, and the API
 * needs the per-run token.
 */
export interface Guard {
  hostAllowed(host: string | undefined): boolean;
  originAllowed(origin: string | undefined): boolean;
  tokenMatches(candidate: string | null | undefined): boolean;
}

export function createGuard(port: number, token: string): Guard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const expected = Buffer.from(token);
  return {
    hostAllowed: (host) => host !== undefined && hosts.has(host.toLowerCase()),
    originAllowed: (origin) => origin !== undefined && origins.has(origin.toLowerCase()),
    tokenMatches: (candidate) => {
      if (!candidate) return false;
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
