// `npm run chaos`: the chaos suite in full (every fault, three rounds each, tables printed), or
// `npm run chaos -- --short` for the version `npm test` runs; `--rounds N`, `--seed N`, `--only
// sigkill` (a fault by name, again for more), `--keep` (the servers' logs stay). Exits 1
// when anything acknowledged was lost or doubled, a receipt is missing, a person got a 500, or a
// failure log line named no cause. Needs the build (`npm run build`) and Debian's redis-server.
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runChaos } from './suite.ts';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
  },
});
// Ctrl-C ends the run the ordinary way, so the 'exit' hooks stop the servers and the mount.
process.once('SIGINT', () => process.exit(130));
const outDir = process.env['KLACHTEN_OUT_DIR'] ?? 'dist';
await stat(`${outDir}/server/entry.mjs`).catch(() => {
  console.error(`${outDir}/ is missing: run \`npm run build\` first.`);
  process.exit(2);
});
const result = await runChaos({
  short: values.short,
  ...(values.rounds === undefined ? {} : { rounds: Number(values.rounds) }),
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  ...(values.only === undefined ? {} : { only: values.only }),
  keep: values.keep,
  progress: (line) => console.error(line),
});
console.log(result.text);
process.exitCode = result.problems.length > 0 ? 1 : 0;
