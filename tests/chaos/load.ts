// The people of the chaos suite: a few clients that each file one complaint after the other, as
// a person does — the form posted to the server, and when the answer is not the receipt page (a
// 503, a connection cut by a kill, no answer), the same form sent again a moment later, as a person
// presses the button again, until it is acknowledged or they give up. Every complaint is unique
// (its number is in the text and the address), so the tally can follow it to GitHub and the mail.
import { aForm } from '../support/queue-bed.ts';

/** One complaint and everything that happened to it on the way in. */
export interface Complaint {
  n: number;
  /** The round of the fault it was sent in (its first post). */
  round: string;
  /** The server it is sent to, every time (a person stays on the site they use). */
  target: string;
  email: string;
  firstAt: number;
  /** When the receipt page came back first (ms), and with which reference. */
  ackAt?: number;
  reference?: string;
  /** Every reference a receipt page gave for it (one, when all is well). */
  references: string[];
  /** Every HTTP status answered to its posts. */
  statuses: number[];
  /** Posts that got no answer (connection refused or cut, time-out). */
  cuts: number;
}

/** What the clients do. */
export interface LoadOptions {
  clients: number;
  /** Pause after an acknowledged complaint before the next (ms). */
  pauseMs: number;
  /** Pause before sending a form again (ms). */
  retryMs: number;
  /** Posts per complaint before the person gives up. */
  maxPosts: number;
}

/** The running load. */
export interface Load {
  complaints: Complaint[];
  /** Where the next posts go, and to which round new complaints belong. */
  aim(baseUrl: string, round: string): void;
  /** Starts the clients. */
  start(): void;
  /** Sends no new complaints; resolves once every client finished the one it is on. */
  stop(): Promise<void>;
  /** Files `count` complaints into the current round, `together` at a time (a burst), each retried as usual. */
  burst(count: number, together?: number): Promise<void>;
  /** Acknowledged complaints so far. */
  acknowledged(): number;
}

type Answer =
  { kind: 'reference'; reference: string; status: number } | { kind: 'status'; status: number } | { kind: 'cut' };

async function post(baseUrl: string, form: Record<string, string>): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}/klacht-indienen/verzenden/`, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { origin: baseUrl },
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const html = await response.text();
    const reference = /data-testid="reference">([^<]+)</.exec(html)?.[1];
    if ((response.status === 201 || response.status === 200) && reference)
      return { kind: 'reference', reference, status: response.status };
    return { kind: 'status', status: response.status };
  } catch {
    return { kind: 'cut' };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the load; `firstNumber` keeps the numbers of several loads apart.
 *
 * @example
 * const load = makeLoad({ clients: 3, pauseMs: 300, retryMs: 1000, maxPosts: 40 });
 * load.aim(server.baseUrl, 'sigkill-1'); load.start(); … await load.stop();
 */
export function makeLoad(options: LoadOptions, firstNumber = 1): Load {
  const complaints: Complaint[] = [];
  let next = firstNumber;
  let target = '';
  let round = '';
  let running = false;
  let clients: Promise<void>[] = [];

  async function file(complaint: Complaint): Promise<void> {
    const form = aForm(complaint.n);
    for (let posts = 0; posts < options.maxPosts; posts += 1) {
      const answer = await post(complaint.target, form);
      if (answer.kind === 'cut') complaint.cuts += 1;
      else complaint.statuses.push(answer.status);
      if (answer.kind === 'reference') {
        complaint.ackAt ??= Date.now();
        complaint.reference ??= answer.reference;
        if (!complaint.references.includes(answer.reference)) complaint.references.push(answer.reference);
        return;
      }
      await sleep(options.retryMs * (0.75 + Math.random() / 2));
    }
  }

  function newComplaint(): Complaint {
    const n = next++;
    const complaint: Complaint = {
      n,
      round,
      target,
      email: aForm(n)['email'] ?? '',
      firstAt: Date.now(),
      references: [],
      statuses: [],
      cuts: 0,
    };
    complaints.push(complaint);
    return complaint;
  }

  async function client(): Promise<void> {
    while (running) {
      await file(newComplaint());
      await sleep(options.pauseMs * (0.5 + Math.random()));
    }
  }

  return {
    complaints,
    aim(baseUrl, name) {
      target = baseUrl;
      round = name;
    },
    start() {
      running = true;
      clients = Array.from({ length: options.clients }, client);
    },
    async stop() {
      running = false;
      await Promise.all(clients);
    },
    async burst(count, together = count) {
      let left = count;
      const worker = async () => {
        while (left > 0) {
          left -= 1;
          await file(newComplaint());
        }
      };
      await Promise.all(Array.from({ length: Math.min(together, count) }, worker));
    },
    acknowledged: () => complaints.filter((complaint) => complaint.ackAt !== undefined).length,
  };
}
