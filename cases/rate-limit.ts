/**
 * A limit on accepted complaints per client (an internet address) per window, so one machine
 * cannot flood the coordinators, without a CAPTCHA or a third party.
 *
 * The port takes a place before filing and gives it back when the complaint was not accepted,
 * so only accepted complaints count and twenty posts at the same moment cannot all slip through.
 * The memory adapter here serves one Node server process; a shared store (Redis, Netlify Blobs)
 * can implement the same port for a serverless platform.
 *
 * Addresses are personal data: the adapter keeps only a keyed hash (HMAC-SHA256) of each, with
 * the moments of its accepted complaints, and forgets both when the window has passed. The clock
 * is never read here: every call is given `now`.
 */
import { createHmac } from 'node:crypto';

/** One place taken in a client's window; give it back if the complaint was not accepted after all. */
export interface TakenPlace {
  ok: true;
  giveBack(): Promise<void>;
}

/** No place left: the client may try again after this many seconds. */
export interface NoPlace {
  ok: false;
  retryAfterSeconds: number;
}

/** The port: a limit of accepted complaints per client per window. */
export interface RateLimiter {
  /** Takes one place for `client` at `now`, or says when the next one frees up. */
  take(client: string, now: Date): Promise<TakenPlace | NoPlace>;
}

/** What the memory adapter needs. */
export interface MemoryRateLimiterOptions {
  /** Accepted complaints per client per window; 0 turns the limit off. */
  limit: number;
  /** The length of the window, e.g. an hour. */
  windowMs: number;
  /** The key the addresses are hashed with; never stored beside the hashes. */
  secret: string | Uint8Array;
}

/** The memory adapter, which can also say what it holds (for tests and for a curious operator). */
export interface MemoryRateLimiter extends RateLimiter {
  /** The hashed client keys held now, with their number of taken places; never an address. */
  held(now: Date): Map<string, number>;
}

/**
 * The keyed hash a client is kept under: HMAC-SHA256 of the address, 128 bits in base64url.
 * Without the key the address cannot be found again, not even by trying all 2³² IPv4 addresses.
 *
 * @example
 * clientKey('203.0.113.7', secret) // 'q3Vh9…' (22 characters)
 */
export function clientKey(client: string, secret: string | Uint8Array): string {
  return createHmac('sha256', secret).update(client).digest().subarray(0, 16).toString('base64url');
}

const unlimited: TakenPlace = { ok: true, giveBack: async () => {} };

/**
 * Makes the in-memory limiter of one server process (a sliding window per client).
 *
 * @example
 * const limiter = makeMemoryRateLimiter({ limit: 10, windowMs: 3_600_000, secret: randomBytes(32) });
 * const place = await limiter.take(address, new Date());
 * if (!place.ok) return tooMany(place.retryAfterSeconds);
 * if (!accepted) await place.giveBack();
 */
export function makeMemoryRateLimiter(options: MemoryRateLimiterOptions): MemoryRateLimiter {
  const { limit, windowMs, secret } = options;
  // Per hashed client, the moments (ms) of its places, oldest first; one object per place, so a
  // place given back is that place and no other.
  const places = new Map<string, { at: number }[]>();
  let sweptAt = Number.NEGATIVE_INFINITY;

  const live = (key: string, now: number) => {
    const kept = (places.get(key) ?? []).filter((place) => place.at > now - windowMs);
    if (kept.length === 0) places.delete(key);
    else places.set(key, kept);
    return kept;
  };
  // Clients that never come back are forgotten too: at most once a window, drop every expired entry.
  const sweep = (now: number) => {
    if (now - sweptAt < windowMs) return;
    sweptAt = now;
    for (const key of [...places.keys()]) live(key, now);
  };

  return {
    async take(client, now) {
      if (limit === 0) return unlimited;
      const at = now.getTime();
      sweep(at);
      const key = clientKey(client, secret);
      const taken = live(key, at);
      if (taken.length >= limit) {
        const frees = (taken[0]?.at ?? at) + windowMs;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - at) / 1000)) };
      }
      const place = { at };
      places.set(key, [...taken, place]);
      return {
        ok: true,
        async giveBack() {
          const rest = (places.get(key) ?? []).filter((other) => other !== place);
          if (rest.length === 0) places.delete(key);
          else places.set(key, rest);
        },
      };
    },
    held(now) {
      const at = now.getTime();
      const counts = new Map<string, number>();
      for (const key of [...places.keys()]) {
        const taken = live(key, at);
        if (taken.length > 0) counts.set(key, taken.length);
      }
      return counts;
    },
  };
}
