import { describe, expect, it } from 'vitest';
import { getStore } from '@netlify/blobs';
import { describeQueueContract } from '../cases/queue/contract.ts';
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
