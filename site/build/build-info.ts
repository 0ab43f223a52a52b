// What a build was made for, written next to it (astro.config.mjs, after the build) and read by
// whatever serves or checks it: the Node server needs the base path the pages were built under,
// and `klachten doctor` compares the address with the configuration it runs with.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The build's target and address. */
export interface BuildInfo {
  /** `site.url` at build time, ending in "/". */
  siteUrl: string;
  /** Its path: where the pages live (`/` or `/klachten/`). */
  base: string;
  adapter: string;
}

/** The file's name in the build's folder (KLACHTEN_OUT_DIR). */
export const buildInfoFile = 'klachten-build.json';

/**
 * Writes the build's info into its folder.
 *
 * @example
 * await writeBuildInfo('dist', { siteUrl: 'https://klachten.livable.nl/', base: '/', adapter: 'node' });
 */
export async function writeBuildInfo(outDir: string, info: BuildInfo): Promise<void> {
  await writeFile(join(outDir, buildInfoFile), `${JSON.stringify(info, null, 2)}\n`);
}

/**
 * Reads a build's info; a build from before this file existed was made for the root.
 *
 * @example
 * (await readBuildInfo('dist')).base // '/'
 */
export async function readBuildInfo(outDir: string): Promise<Partial<BuildInfo> & { base: string }> {
  const text = await readFile(join(outDir, buildInfoFile), 'utf8').catch(() => '{}');
  const info = JSON.parse(text) as Partial<BuildInfo>;
  return { ...info, base: info.base ?? '/' };
}
