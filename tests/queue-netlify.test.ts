import { describe, expect, it } from 'vitest';
import { getStore } from '@netlify/blobs';
import { describeQueueContract } from '../cases/queue/contract.ts';
import { makeNetlifyExclusiveKeys } from '../cases/queue/exclusive-netlify.ts';
import { makeQueueFromEnv } from '../cases/queue/from-env.ts';
import { netlifyBlobsAccess } from '../cases/queue/netlify-blobs-access.ts';
import { startLocalBlobs } from './support/netlify-blobs.ts';
import { useServer } from './support/use-server.ts';

const blobs = useServer(startLocalBlobs);
let site = 0;

describeQueueContract('the Netlify Blobs queue', async () => {
  // One site per test: a fresh, empty store on the one server.
  site += 1;
  const siteID = `site-${site}`;
  const env = { KLACHTEN_QUEUE: 'netlify-blobs', ...blobs().envFor(siteID) };
  const raw = getStore({ name: 'klachten-queue', siteID, token: blobs().token, edgeURL: blobs().url });
  return {
    queue: makeQueueFromEnv(env, '/'),
    reopen: async () => makeQueueFromEnv(env, '/'),
    corrupt: async (reference) => void (await raw.set(`entry:${reference}`, '{"v":1,"state":"que')),
    close: async () => void (await raw.deleteAll()),
  };
});

describe('the Netlify Blobs queue settings', () => {
  it('takes the Netlify context over the site and token, and those for API access elsewhere', () => {
    const context = Buffer.from(JSON.stringify({ siteID: 's', token: 't', edgeURL: 'https://e', x: 1 })).toString(
      'base64',
    );
    expect(netlifyBlobsAccess({ NETLIFY_BLOBS_CONTEXT: context, NETLIFY_SITE_ID: 'other' })).toEqual({
      siteID: 's',
      token: 't',
      edgeURL: 'https://e',
    });
    expect(netlifyBlobsAccess({ NETLIFY_SITE_ID: 'abc', NETLIFY_API_TOKEN: 'nfp_x' })).toEqual({
      siteID: 'abc',
      token: 'nfp_x',
    });
    expect(netlifyBlobsAccess({ NETLIFY_SITE_ID: 'abc' })).toEqual({});
    expect(() => netlifyBlobsAccess({ NETLIFY_BLOBS_CONTEXT: 'not json' })).toThrow(/NETLIFY_BLOBS_CONTEXT/);
  });
});

describe('the Netlify Blobs leases', () => {
  it('free only the releaser’s own lease, also when another took it over between the check and the write', async () => {
    const siteID = `site-release-${Date.now()}`;
    const store = () => getStore({ name: 'klachten-queue', siteID, token: blobs().token, edgeURL: blobs().url });
    const taker = makeNetlifyExclusiveKeys(store());
    const third = makeNetlifyExclusiveKeys(store());
    // The late releaser's store lets the taker in just before its own write or delete goes out,
    // the moment a release that checks and then deletes would free the taker's lease.
    const late = store();
    const interleaved = new Proxy(late, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if ((name !== 'delete' && name !== 'set') || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          expect(await taker.acquire('lease:K-2026-7QF3-M9XA', 'taker', Date.now() + 60_000, Date.now())).toBe(true);
          return (value as (...rest: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const releaser = makeNetlifyExclusiveKeys(store());
    expect(await releaser.acquire('lease:K-2026-7QF3-M9XA', 'late', Date.now() + 50, Date.now())).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await makeNetlifyExclusiveKeys(interleaved).release('lease:K-2026-7QF3-M9XA', 'late');
    // The taker still holds it: a third drainer does not get in.
    expect(await third.acquire('lease:K-2026-7QF3-M9XA', 'third', Date.now() + 60_000, Date.now())).toBe(false);
    await taker.release('lease:K-2026-7QF3-M9XA', 'taker');
    expect(await third.acquire('lease:K-2026-7QF3-M9XA', 'third', Date.now() + 60_000, Date.now())).toBe(true);
    await store().deleteAll();
  });
});
