import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeMemoryRateLimiter } from '../rate-limit.ts';
import { isPublicMailKind, makeMailBudget, makeMemoryMailBudget, mailBudget } from './mail-budget.ts';

const at = (hours: number) => new Date(Date.UTC(2026, 10, 2, 9) + hours * 60 * 60 * 1000);
const reference = 'K-2026-7QF3-M9XA';

describe('the mail budget', () => {
  it('allows three mails a day to one mailbox, over every kind the public can trigger and every spelling', async () => {
    const budget = makeMemoryMailBudget();
    const asked = [
      { to: 'zoe@example.nl', kind: 'receipt' },
      { to: 'Zoe+2@example.nl', kind: 'addition' },
      { to: 'zoe+3@EXAMPLE.nl', kind: 'withdrawn' },
      { to: 'zoe+4@example.nl', kind: 'receipt' },
    ] as const;
    const answers = [];
    for (const mail of asked) answers.push(await budget.take({ ...mail, reference }, at(0)));
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, false]);
    expect(answers[3]).toEqual({ ok: false, reason: 'address' });
    expect((await budget.take({ to: 'iemand@example.nl', kind: 'receipt', reference }, at(0))).ok).toBe(true);
    expect((await budget.take({ to: 'zoe@example.nl', kind: 'receipt', reference }, at(24))).ok).toBe(true);
  });

  it('allows three link mails a day for one case, whatever the addresses allow', async () => {
    const roomy = (limit: number) =>
      makeMemoryRateLimiter({ limit, windowMs: mailBudget.windowMs, secret: randomBytes(32) });
    const budget = makeMailBudget({ addresses: roomy(100), linksPerCase: roomy(mailBudget.linksPerCase) });
    const answers = [];
    for (let n = 0; n < 4; n += 1)
      answers.push(await budget.take({ to: `zoe${n}@example.nl`, kind: 'link', reference }, at(n)));
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, false]);
    expect(answers[3]).toEqual({ ok: false, reason: 'case' });
    // Other kinds, and other cases, are not link mails of this case.
    expect((await budget.take({ to: 'zoe@example.nl', kind: 'receipt', reference }, at(4))).ok).toBe(true);
    expect((await budget.take({ to: 'zoe@example.nl', kind: 'link', reference: 'K-2026-7QF3-M9XB' }, at(4))).ok).toBe(
      true,
    );
  });

  it('takes no place for the mailbox when the case refuses a link, and frees both places given back', async () => {
    const budget = makeMemoryMailBudget();
    const places = [];
    for (let n = 0; n < 3; n += 1)
      places.push(await budget.take({ to: `a${n}@example.nl`, kind: 'link', reference }, at(0)));
    expect((await budget.take({ to: 'b@example.nl', kind: 'link', reference }, at(0))).ok).toBe(false);
    // b@ was not counted for that refusal: it still has three.
    for (let n = 0; n < 3; n += 1)
      expect((await budget.take({ to: 'b@example.nl', kind: 'receipt', reference }, at(0))).ok).toBe(true);
    const first = places[0];
    if (!first?.ok) throw new Error('no place');
    await first.giveBack();
    expect((await budget.take({ to: 'a0@example.nl', kind: 'link', reference }, at(0))).ok).toBe(true);
  });

  it('counts only what the public can trigger', () => {
    expect(['receipt', 'link', 'addition', 'withdrawn'].every((kind) => isPublicMailKind(kind as never))).toBe(true);
    expect(isPublicMailKind('confirmation')).toBe(false);
    expect(isPublicMailKind('answer')).toBe(false);
  });
});
