/** GitHub's pagination: `per_page` (default 30, at most 100), `page`, and the `Link` header. */
import type { Urls } from '../objects.ts';
import type { HandlerContext } from './context.ts';

/**
 * The page of `items` the query asks for, with the `Link` header that points to the others.
 *
 * @example
 * const { page, headers } = paginate(ctx, matching, urls());
 * return { status: 200, headers, body: page.map(toObject) };
 */
export function paginate<T>(
  ctx: HandlerContext,
  items: T[],
  urls: Urls,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const pageNumber = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (page: number, rel: string) => {
    const query = new URLSearchParams(ctx.query);
    query.set('page', String(page));
    return `<${urls.api}${ctx.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links = [];
  if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'), link(1, 'first'));
  if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
  return {
    page: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
