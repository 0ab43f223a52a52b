// One file chosen on a form, checked at once (site/server/stage-file.ts). On demand; POST only.
import type { APIRoute } from 'astro';
import { handleStageFile } from '../../server/stage-file.ts';

export const prerender = false;

export const POST: APIRoute = ({ request, clientAddress }) => handleStageFile(request, clientAddress);
