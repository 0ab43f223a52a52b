// One site for all browser tests of a run: the built site with its real server and an empty
// Git-folder store (site-server.ts).
import { stat } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startSite } from './site-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    serverLog: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = process.env['KLACHTEN_OUT_DIR'] ?? 'dist';
  await stat(`${outDir}/server/entry.mjs`).catch(() => {
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm run test:browser does).`);
  });
  const site = await startSite('klachten-browser-');
  project.provide('baseUrl', site.baseUrl);
  project.provide('dataDir', site.dataDir);
  project.provide('serverLog', site.logPath);
  return () => site.stop();
}
