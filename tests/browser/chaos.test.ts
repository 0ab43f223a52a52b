// The short chaos run inside `npm test`: every fault of `npm run chaos` once (tests/chaos/), the
// built server under load, and then: nothing acknowledged lost or doubled, every receipt sent, no
// 500 to anyone, every failure logged by its cause. The full run, with its tables, is
// `npm run chaos` (docs/reliability.md).
import { expect, it } from 'vitest';
import { runChaos } from '../chaos/suite.ts';

it('loses and doubles nothing under every fault, once each', async () => {
  const result = await runChaos({ short: true, progress: (line) => console.log(line) });
  console.log(result.text);
  expect(result.problems).toEqual([]);
  expect(result.total.acknowledged).toBeGreaterThan(100);
  // Every fault struck: each has its round, with complaints in it, and says what it injected.
  for (const fault of result.faults) {
    expect(
      fault.rows.map((row) => row.sent),
      fault.name,
    ).toEqual([expect.any(Number)]);
    expect(fault.rows[0]?.sent, fault.name).toBeGreaterThan(0);
    expect(fault.notes, fault.name).toHaveLength(1);
  }
  const struck = result.faults.filter((fault) => fault.name.startsWith('github-')).map((fault) => fault.notes[0]);
  for (const note of struck) expect(note).toMatch(/: [1-9]\d* /);
}, 240_000);
