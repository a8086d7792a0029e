import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../../apps/api/src/platform/auth/access.decorators.js';
import { createTestApp, makeCustomer, type TestApp } from '../support/app.js';

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  owner: string;
}

/** Every route Nest registered, with the access rule its decorators declare. */
function walkRoutes(t: TestApp): Route[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const ctor = wrapper.metatype as (new (...args: unknown[]) => object) | null;
    if (!ctor) continue;
    const base = (Reflect.getMetadata('path', ctor) as string | undefined) ?? '';
    for (const name of scanner.getAllMethodNames(ctor.prototype)) {
      const handler = (ctor.prototype as Record<string, () => unknown>)[name];
      const sub = Reflect.getMetadata('path', handler) as string | undefined;
      const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
      if (sub === undefined || method === undefined) continue;
      const path = `/api/${[base, sub]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      routes.push({
        method: RequestMethod[method],
        path,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, ctor]),
        owner: `${ctor.name}.${name}`,
      });
    }
  }
  return routes;
}

const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe('every route is public on purpose or guarded', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = walkRoutes(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (r: Route) => {
    const agent = t.http();
    const method = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    return agent[method](concrete(r.path));
  };

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/staff', 'GET /api/audit/verify']),
    );
  });

  it('each route declares Public, Authenticated or Roles', () => {
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.owner})`);
    expect(undeclared).toEqual([]);
  });

  it('the public routes are exactly the intended ones', () => {
    const publicRoutes = routes
      .filter((r) => r.rule?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/events',
        'GET /api/events/:id',
        'GET /api/events/:id/availability',
        'GET /api/events/:id/stream',
        'GET /api/venues',
        'GET /api/venues/:venueId',
        'GET /api/venues/:venueId/seat-map',
        'GET /api/tickets/types/:id',
        'GET /api/health/live',
        // Signed, expiring links to ticket files: the signature is the credential.
        'GET /api/files/:kind/:owner/:item/:file',
        'GET /api/health/ready',
        'GET /api/tickets/types',
        // The ways to pay and Stripe's publishable key (public by Stripe's design), for a checkout.
        'GET /api/payments/methods',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'POST /api/auth/register',
        'POST /api/payments/stripe/webhook',
        // A quote at the current prices with promo codes (what a purchase would charge, and why).
        'POST /api/price-quotes',
      ].sort(),
    );
  });

  it('every guarded route answers 401 without credentials', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.rule?.kind !== 'public')) {
      const res = await call(r).send({});
      if (res.status !== 401 || res.body.code !== 'AUTH_REQUIRED')
        failures.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('every staff-only route answers 403 to a customer', async () => {
    const customer = await makeCustomer(t);
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.rule?.kind === 'roles')) {
      const res = await call(r).set('authorization', `Bearer ${customer.accessToken}`).send({});
      if (res.status !== 403) failures.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
