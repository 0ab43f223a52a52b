import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTokenSecret } from './secret.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klachten-secret-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the token secret', () => {
  it('comes from KLACHTEN_TOKEN_SECRET when that is set, and nothing is written', async () => {
    const secret = 'e'.repeat(40);
    expect(await loadTokenSecret({ KLACHTEN_TOKEN_SECRET: secret, KLACHTEN_DATA_DIR: dir }, '/')).toBe(secret);
    await expect(stat(join(dir, 'token-secret'))).rejects.toThrow();
  });

  it('refuses a KLACHTEN_TOKEN_SECRET shorter than 32 characters', async () => {
    await expect(loadTokenSecret({ KLACHTEN_TOKEN_SECRET: 'kort', KLACHTEN_DATA_DIR: dir }, '/')).rejects.toThrow(
      /te kort/,
    );
  });

  it('is made once for the Git folder, kept beside the cases for the owner only, and the same for every process', async () => {
    const env = { KLACHTEN_DATA_DIR: dir };
    const [first, second] = await Promise.all([loadTokenSecret(env, '/'), loadTokenSecret(env, '/')]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(await loadTokenSecret(env, '/')).toBe(first);
    expect((await readFile(join(dir, 'token-secret'), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dir, 'token-secret'))).mode & 0o777).toBe(0o600);
  });

  it('is not made up for the GitHub store, where the site and Actions must share it', async () => {
    expect(await loadTokenSecret({ KLACHTEN_STORE: 'github', KLACHTEN_DATA_DIR: dir }, '/')).toBeUndefined();
  });
});
