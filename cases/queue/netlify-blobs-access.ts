/**
 * Where the Netlify Blobs queue finds its store, from the environment the queue is made with.
 * `NETLIFY_BLOBS_CONTEXT` is what Netlify itself sets for a function (Base64 of a JSON object with
 * `siteID`, `token` and `edgeURL`/`uncachedEdgeURL` or `apiURL`); `@netlify/blobs` reads it from
 * `process.env` on its own, but read here from the given environment it also reaches a queue made
 * with another one (the tests, against the package's local `BlobsServer`, which `netlify dev` runs
 * too). Outside Netlify, `NETLIFY_SITE_ID` and `NETLIFY_API_TOKEN` give API access instead.
 */

/** The connection options of `getStore` that the environment supplies. */
export interface NetlifyBlobsAccess {
  siteID?: string;
  token?: string;
  apiURL?: string;
  edgeURL?: string;
  uncachedEdgeURL?: string;
}

const fields = ['siteID', 'token', 'apiURL', 'edgeURL', 'uncachedEdgeURL'] as const;

function decodeContext(encoded: string): NetlifyBlobsAccess {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    throw new Error('NETLIFY_BLOBS_CONTEXT: geen Base64-JSON. / not Base64-encoded JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const access: NetlifyBlobsAccess = {};
  for (const field of fields) {
    const value = (parsed as Record<string, unknown>)[field];
    if (typeof value === 'string' && value !== '') access[field] = value;
  }
  return access;
}

/**
 * The store's connection options: the Netlify context when there is one (as `@netlify/blobs`
 * gives it precedence too), else the site and token for API access, else nothing (on Netlify the
 * package then finds its context itself).
 *
 * @example
 * netlifyBlobsAccess({ NETLIFY_SITE_ID: 'abc', NETLIFY_API_TOKEN: 'nfp_…' }) // { siteID: 'abc', token: 'nfp_…' }
 */
export function netlifyBlobsAccess(env: Record<string, string | undefined>): NetlifyBlobsAccess {
  const context = env['NETLIFY_BLOBS_CONTEXT']?.trim();
  if (context) return decodeContext(context);
  const siteID = env['NETLIFY_SITE_ID'];
  const token = env['NETLIFY_API_TOKEN'];
  return siteID && token ? { siteID, token } : {};
}
