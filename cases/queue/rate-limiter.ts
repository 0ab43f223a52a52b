/**
 * The limit on accepted complaints per client (`cases/rate-limit.ts`) shared by every instance
 * of the site: kept in the intake queue's storage (fs, Redis, Netlify Blobs) instead of one
 * process's memory, so ten serverless instances or Node processes together allow the limit, not
 * ten times it. Same port and same behaviour as the memory limiter: a place taken before filing,
 * given back when the complaint was not accepted, a sliding window per client.
 *
 * Each client is one note, `meta:rate:<hmac>`, holding its places (moment and a random id) within
 * the window and the moment the last one expires; every write drops the expired places, and the
 * queue's `prune` drops notes of clients that never came back. Reading and writing a note happens
 * under a short lease on the note (the queue's exclusive keys), so two instances racing for the
 * last place cannot both get it.
 *
 * Why a shared key here, and a per-process one in memory: the instances must hash one address to
 * one note, so they need the same key, and it must outlive a process; the only secret they share
 * is `KLACHTEN_TOKEN_SECRET`. The limiter hashes under an HMAC of that secret with its own purpose
 * label, so the key is not the links' key and a note's name says nothing that a link's signature
 * could be matched with. The memory limiter keeps its random per-process key: it shares nothing,
 * and a key that never leaves memory is one that no copy of the environment can use to try every
 * address against a hash.
 *
 * When the store cannot be reached the limiter lets the complaint through and logs
 * `intake.limit-unavailable`: the limit guards the coordinators against a flood, and refusing a
 * person because its bookkeeping is down would turn a storage failure into a lost complaint.
 */
import { errorCode } from '../errors.ts';
import { createHmac, randomBytes } from 'node:crypto';
import type { Log } from '../log.ts';
import { clientKey, type RateLimiter, type TakenPlace } from '../rate-limit.ts';
import type { IntakeQueue, Lease } from './port.ts';

/** The purpose the limiter's key is derived for: never the links' key, nor any other. */
export const rateLimitKeyPurpose = 'klachtenloket/rate-limit/v1';

/** What the shared limiter needs. */
export interface QueueRateLimiterOptions {
  /** Accepted complaints per client per window; 0 turns the limit off. */
  limit: number;
  /** The length of the window, e.g. an hour. */
  windowMs: number;
  /** The secret every instance shares (`KLACHTEN_TOKEN_SECRET`); the hash key is derived from it. */
  secret: string;
  /** Where `intake.limit-unavailable` and `intake.limit-busy` go. */
  log: Log;
  /**
   * What is counted, when a second form has a limit of its own (`'link'`: the complainant page's
   * new-link form); its counts are kept apart from the complaints'. Default: complaints.
   */
  counts?: string;
  /** How long one instance may hold a client's note; default 5 s (a read and a write take far less). */
  leaseMs?: number;
  /** How long to wait for a note another instance holds before refusing; default 10 s. */
  waitMs?: number;
  /** Waits between tries for a held note; default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

interface Place {
  at: number;
  /** Random, so a place given back is that place, even beside another taken in the same ms. */
  id: string;
}

/** A client's note; `expiresAt` lets the queue's `prune` drop it without knowing the rest. */
interface Note {
  expiresAt: number;
  places: Place[];
}

/**
 * The key the limiter hashes addresses with: HMAC-SHA256 of the purpose label under the shared
 * secret, the same in every instance and different from the key of any link.
 *
 * @example
 * const key = rateLimitKey(process.env.KLACHTEN_TOKEN_SECRET!); // 32 bytes
 * clientKey('203.0.113.7', key) // the name of the note, after `meta:rate:`
 * rateLimitKey(secret, 'link') // another key, so the link form's counts are its own
 */
export function rateLimitKey(secret: string, counts?: string): Buffer {
  const purpose = counts === undefined ? rateLimitKeyPurpose : `${rateLimitKeyPurpose}/${counts}`;
  return createHmac('sha256', secret).update(purpose).digest();
}

const placesOf = (value: unknown): Place[] => {
  const places = (value as Partial<Note> | undefined)?.places;
  if (!Array.isArray(places)) return [];
  return places.filter(
    (place): place is Place =>
      typeof place === 'object' && place !== null && typeof place.at === 'number' && typeof place.id === 'string',
  );
};

const noteOf = (places: Place[], now: number, windowMs: number): Note => ({
  expiresAt: places.reduce((latest, place) => Math.max(latest, place.at + windowMs), now),
  places,
});

const unlimited: TakenPlace = { ok: true, giveBack: async () => {} };

/**
 * Makes the limiter shared by every instance on one queue.
 *
 * @example
 * const limiter = makeQueueRateLimiter(queue, { limit: 10, windowMs: 3_600_000, secret, log });
 * const place = await limiter.take(address, new Date());
 * if (!place.ok) return tooMany(place.retryAfterSeconds);
 * if (!accepted) await place.giveBack();
 */
export function makeQueueRateLimiter(queue: IntakeQueue, options: QueueRateLimiterOptions): RateLimiter {
  const { limit, windowMs, log } = options;
  const key = rateLimitKey(options.secret, options.counts);
  const leaseMs = options.leaseMs ?? 5000;
  const waitMs = options.waitMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Which count a log line is about, when it is not the complaints' (the lost-link form, the mail budget).
  const about = options.counts === undefined ? {} : { counts: options.counts };

  // The note's lease, tried again while another instance holds it; undefined when it stays held.
  async function lease(hash: string): Promise<Lease | undefined> {
    const started = Date.now();
    for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
      const held = await queue.claim(`rate-${hash}`, leaseMs);
      if (held !== undefined || Date.now() - started >= waitMs) return held;
      await sleep(pause);
    }
  }

  // Runs `change` on the note under its lease; 'busy' when the lease could not be had.
  async function underLease<T>(hash: string, change: (places: Place[]) => Promise<T>): Promise<T | 'busy'> {
    const held = await lease(hash);
    if (held === undefined) return 'busy';
    try {
      return await change(placesOf(await queue.getMeta(`rate:${hash}`)));
    } finally {
      // A release that fails leaves a lease that expires by itself within `leaseMs`.
      await queue.release(held).catch(() => undefined);
    }
  }

  return {
    async take(client, now) {
      if (limit === 0) return unlimited;
      const at = now.getTime();
      const hash = clientKey(client, key);
      const place: Place = { at, id: randomBytes(9).toString('base64url') };
      try {
        const outcome = await underLease(hash, async (places) => {
          const live = places.filter((other) => other.at > at - windowMs);
          if (live.length >= limit) {
            const frees = Math.min(...live.map((other) => other.at)) + windowMs;
            return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil((frees - at) / 1000)) };
          }
          await queue.setMeta(`rate:${hash}`, noteOf([...live, place], at, windowMs));
          return undefined;
        });
        if (outcome === 'busy') {
          // Only the same address posting many times at once keeps a note held this long: a flood,
          // which the limit is there to stop, so it is refused rather than let through unseen.
          log('intake.limit-busy', about);
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
        }
        if (outcome !== undefined) return outcome;
      } catch (error) {
        log('intake.limit-unavailable', { code: errorCode(error), ...about });
        return unlimited;
      }
      return {
        ok: true,
        async giveBack() {
          try {
            await underLease(hash, async (places) => {
              const rest = places.filter((other) => other.id !== place.id && other.at > at - windowMs);
              if (rest.length !== places.length) await queue.setMeta(`rate:${hash}`, noteOf(rest, at, windowMs));
            });
          } catch (error) {
            // The place stays taken until the window passes: one complaint fewer for this client.
            log('intake.limit-unavailable', { code: errorCode(error), ...about });
          }
        },
      };
    },
  };
}
