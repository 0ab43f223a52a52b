// The flags Debian's Chromium runs with in the browser tests and in bench/lighthouse.ts: headless,
// and kept off this machine's closed network (no updates, sync or background requests).

/**
 * Chromium's command-line flags, for Playwright's `args` or chrome-launcher's `chromeFlags`.
 *
 * @example
 * await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumFlags] });
 */
export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
