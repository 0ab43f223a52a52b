// What the security headers of a response must be (site/server/security-headers.ts), checked the
// same way by every browser test that looks at a response.

/**
 * Checks the security headers every response carries (site/server/security-headers.ts), and
 * those of a page with personal data when `personal`; the policy must hold no 'unsafe-inline'
 * for scripts. Returns what is wrong, readable in a failure message.
 *
 * @example
 * expect(securityHeaderProblems(response.headers, { personal: true })).toEqual([]);
 */
export function securityHeaderProblems(headers: Headers, { personal }: { personal: boolean }): string[] {
  const problems: string[] = [];
  const expectHeader = (name: string, check: (value: string) => boolean) => {
    const value = headers.get(name);
    if (value === null || !check(value)) problems.push(`${name}: ${value ?? '(missing)'}`);
  };
  const directives = (headers.get('content-security-policy') ?? '').split(';').map((part) => part.trim());
  const script = directives.find((part) => part.startsWith('script-src ')) ?? '';
  expectHeader('content-security-policy', () =>
    ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"].every((part) =>
      directives.includes(part),
    ),
  );
  if (!script.startsWith("script-src 'self'") || script.includes("'unsafe-inline'")) {
    problems.push(`script-src: ${script || '(missing)'}`);
  }
  expectHeader('x-content-type-options', (value) => value === 'nosniff');
  expectHeader('x-frame-options', (value) => value === 'DENY');
  expectHeader('referrer-policy', (value) => value === 'same-origin');
  expectHeader('permissions-policy', (value) => /\bcamera=\(\)/.test(value) && /\bgeolocation=\(\)/.test(value));
  if (personal) {
    expectHeader('cache-control', (value) => value === 'no-store');
    expectHeader('x-robots-tag', (value) => value.includes('noindex'));
  }
  return problems;
}
