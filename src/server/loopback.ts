/** Browser mode must never be reachable from another machine. */
import { isIP } from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

/**
 * True when a request's Host header names this server as bound. Anything else
 * (`evil.example:4173` resolving to 127.0.0.1) is a DNS-rebinding attempt.
 */
export function isOwnHostHeader(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  // Browsers leave the port out of Host when it is the default, 80.
  const headerPort = match?.[2] === undefined ? 80 : Number(match[2]);
  return match !== null && headerPort === port && isLoopbackHost(match[1]);
}
