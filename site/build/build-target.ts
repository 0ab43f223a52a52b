// Which platform a build is for: KLACHTEN_ADAPTER, validated like the other settings.
import { z } from 'zod';

/** The platforms one build can be made for. */
export const buildTargets = ['node', 'netlify', 'vercel'] as const;

/** One of them. */
export type BuildTarget = (typeof buildTargets)[number];

const targetSchema = z.enum(buildTargets, { error: `kies een van: ${buildTargets.join(', ')}` }).default('node');

/**
 * The target named by `KLACHTEN_ADAPTER` (default `node`); throws a message naming the variable.
 *
 * @example
 * buildTarget({ KLACHTEN_ADAPTER: 'netlify' }) // 'netlify'
 */
export function buildTarget(env: Record<string, string | undefined>): BuildTarget {
  const raw = env['KLACHTEN_ADAPTER'];
  const result = targetSchema.safeParse(raw === undefined || raw === '' ? undefined : raw.trim().toLowerCase());
  if (!result.success) {
    throw new Error(`Ongeldige omgevingsvariabele:\n  - KLACHTEN_ADAPTER: ${result.error.issues[0]?.message ?? ''}`);
  }
  return result.data;
}
