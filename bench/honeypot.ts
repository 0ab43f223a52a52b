/**
 * Benchmark of the honeypot's timing against the real path: the built site with its real server
 * and the Git-folder store (where a filing is a Git commit, the slowest store), complaints posted
 * one at a time, a person's and a program's (the hidden field filled) in turn, each from an address
 * of its own. Prints the median and p90 of each and their ratio, measured in this same run; the
 * goal is a median ratio between 0.75 and 1.33 (timing-mirror.ts makes the honeypot wait out a
 * drawn real filing's time), and the same for the same form sent again.
 *
 * Run after `npm run build`: `npm run bench:honeypot` (optionally `-- 100` pairs; default 40).
 * Not part of `npm test`: timings on a shared machine belong here, as ratios, not in a test.
 */
import { startSite } from '../tests/browser/site-server.ts';
import { dutchComplainant } from '../tests/support/complainant.ts';

const pairs = Number(process.argv[2] ?? 40);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

const site = await startSite('klachten-bench-honeypot-', { KLACHTEN_CLIENT_ADDRESS_HEADER: 'x-forwarded-for' });
try {
  let serial = 0;
  const form = (n: number, bot: boolean) => ({
    locale: 'nl',
    ...dutchComplainant,
    email: `bench.${n}@example.nl`,
    complaint: `Klacht nummer ${n} voor de meting.`,
    expectation: 'Repareren.',
    earlier: 'nee',
    consent: 'ja',
    ...(bot ? { website: 'https://goedkope-pillen.example' } : {}),
  });
  const post = async (fields: Record<string, string>) => {
    serial += 1;
    const started = performance.now();
    const response = await fetch(`${site.baseUrl}/klacht-indienen/verzenden/`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { origin: site.baseUrl, 'x-forwarded-for': `10.9.${serial >> 8}.${serial & 255}` },
    });
    await response.text();
    return { ms: performance.now() - started, status: response.status };
  };

  // Warm-up: the server's first answers, and the real filings the mirror draws from.
  for (let n = 0; n < 5; n += 1) await post(form(1000 + n, false));

  const timings = {
    person: [] as number[],
    program: [] as number[],
    personAgain: [] as number[],
    programAgain: [] as number[],
  };
  for (let n = 0; n < pairs; n += 1) {
    const [person, program] = [form(2 * n, false), form(2 * n + 1, true)];
    const order =
      n % 2 === 0
        ? ([
            ['person', person],
            ['program', program],
          ] as const)
        : ([
            ['program', program],
            ['person', person],
          ] as const);
    for (const [who, fields] of order) {
      const first = await post(fields);
      const again = await post(fields);
      if (first.status !== 201 || again.status !== 200)
        throw new Error(`${who}: ${first.status}, then ${again.status}`);
      timings[who].push(first.ms);
      timings[who === 'person' ? 'personAgain' : 'programAgain'].push(again.ms);
    }
  }

  const line = (name: string, values: number[]) =>
    `${name.padEnd(30)} median ${percentile(values, 50).toFixed(1).padStart(6)} ms, p90 ${percentile(values, 90).toFixed(1).padStart(6)} ms`;
  console.log(`Honeypot timing, ${pairs} pairs on the Git folder (built server, one at a time)`);
  console.log(`  ${line('a person, new complaint', timings.person)}`);
  console.log(`  ${line('the honeypot, new complaint', timings.program)}`);
  console.log(`  ${line('a person, the same form again', timings.personAgain)}`);
  console.log(`  ${line('the honeypot, the same again', timings.programAgain)}`);
  const ratio = percentile(timings.program, 50) / percentile(timings.person, 50);
  const againRatio = percentile(timings.programAgain, 50) / percentile(timings.personAgain, 50);
  console.log(
    `  median ratio honeypot / person: ${ratio.toFixed(2)} new, ${againRatio.toFixed(2)} again (goal 0.75–1.33)`,
  );
  if (ratio < 0.75 || ratio > 1.33) throw new Error('the honeypot’s answers can be told apart by their time');
} finally {
  await site.stop();
}
