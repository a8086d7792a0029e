/** Where to go after signing in: the `next` query value when it is an in-app path, else `fallback`. */
export function nextPath(query: URLSearchParams, fallback = '/'): string {
  const next = query.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
