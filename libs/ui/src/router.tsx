import {
  createContext,
  useContext,
  useMemo,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

// A tiny history router. Paths inside an app are written without the app's base
// (`/staff`, not `/admin/staff`); the base comes from Vite's BASE_URL.

const NAVIGATE_EVENT = 'tessera:navigate';

/** The app's base path without a trailing slash: '' for '/', '/admin' for '/admin/'. */
export function basePath(): string {
  const base = import.meta.env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base.slice(0, -1) : base;
}

/** Turns an in-app path (`/events/1?x=2`) into a document URL path (`/admin/events/1?x=2`). */
export function href(to: string): string {
  if (/^[a-z]+:/i.test(to) || to.startsWith('//')) return to;
  return basePath() + (to.startsWith('/') ? to : `/${to}`);
}

/** Goes to an in-app path, adding a history entry unless `replace` is set. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = href(to);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!options.replace) window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface Route {
  /** The in-app path, always starting with '/'. */
  path: string;
  /** The query string parsed. */
  query: URLSearchParams;
}

const RouteContext = createContext<Route | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const location = useSyncExternalStore(subscribe, snapshot, () => '/');
  const route = useMemo<Route>(() => {
    const url = new URL(location, 'http://local');
    const base = basePath();
    let path = url.pathname;
    if (base && (path === base || path.startsWith(`${base}/`))) path = path.slice(base.length);
    if (!path.startsWith('/')) path = `/${path}`;
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    return { path, query: url.searchParams };
  }, [location]);
  return <RouteContext.Provider value={route}>{children}</RouteContext.Provider>;
}

/** The current in-app route. */
export function useRoute(): Route {
  const route = useContext(RouteContext);
  if (!route) throw new Error('useRoute must be used inside <RouterProvider>');
  return route;
}

/**
 * Matches `path` against a pattern like `/events/:id`; returns the decoded params,
 * or null when it does not match. A trailing `/*` matches any rest.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  const wildcard = patternParts.at(-1) === '*';
  if (wildcard) patternParts.pop();
  if (wildcard ? pathParts.length < patternParts.length : pathParts.length !== patternParts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of patternParts.entries()) {
    const actual = pathParts[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}

export interface RouteDefinition {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}

/** Renders the first route whose pattern matches the current path, or `notFound`. */
export function Routes({ routes, notFound }: { routes: RouteDefinition[]; notFound: ReactNode }) {
  const { path } = useRoute();
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return <>{route.render(params)}</>;
  }
  return <>{notFound}</>;
}

/** Whether `to` is the current path or (with `prefix`) one of its parents. */
export function isActive(to: string, path: string, prefix = false): boolean {
  const target = to.split('?')[0] ?? to;
  if (target === '/' || !prefix) return path === target;
  return path === target || path.startsWith(`${target}/`);
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  /** Also marks the link `aria-current="page"` on the pages below its path (for navigation menus). */
  activePrefix?: boolean;
}

/** An in-app link: a real anchor (so it can be opened in a new tab) that navigates without reloading. */
export function Link({ to, replace, activePrefix, onClick, children, ...rest }: LinkProps) {
  const route = useContext(RouteContext);
  const active = route ? isActive(to, route.path, activePrefix) : false;
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target && rest.target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigate(to, { replace });
  };
  return (
    <a href={href(to)} onClick={handleClick} aria-current={active ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}

/** Builds a query string from the defined, non-empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
