import { describe, expect, it } from 'vitest';
import { refuseFolderStoreOnServerless } from './settings.ts';

describe('the Git-folder store on a serverless platform', () => {
  it.each([
    ['netlify', {}, 'Netlify'],
    ['vercel', {}, 'Vercel'],
    ['node', { NETLIFY: 'true' }, 'Netlify'],
    [undefined, { VERCEL: '1' }, 'Vercel'],
  ])('is refused when built for %s with %o, naming %s and the way out', (adapter, env, platform) => {
    expect(() => refuseFolderStoreOnServerless({ store: 'git' }, adapter, env)).toThrow(
      new RegExp(
        `KLACHTEN_STORE=git werkt niet op ${platform}: de schijf van een functie blijft niet bewaard.*KLACHTEN_STORE=github`,
      ),
    );
  });

  it('is fine on a Node server, and the GitHub store is fine everywhere', () => {
    expect(() => refuseFolderStoreOnServerless({ store: 'git' }, 'node', {})).not.toThrow();
    expect(() => refuseFolderStoreOnServerless({ store: 'git' }, undefined, {})).not.toThrow();
    expect(() => refuseFolderStoreOnServerless({ store: 'github' }, 'netlify', { NETLIFY: 'true' })).not.toThrow();
  });
});
