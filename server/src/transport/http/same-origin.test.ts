import { describe, expect, it } from 'vitest';
import { crossOriginRefusal, normaliseOrigin, staffSocketOriginRefusal, type OriginFacts } from './same-origin.js';

const own = 'https://pb.example';
const facts = (over: Partial<OriginFacts>): OriginFacts => ({
  method: 'POST',
  hasStaffCookie: true,
  isStaffRoute: true,
  origin: own,
  secFetchSite: 'same-origin',
  allowedOrigins: new Set([own]),
  ...over,
});

describe('crossOriginRefusal', () => {
  it('lets safe methods and requests without the staff cookie outside staff routes through', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(crossOriginRefusal(facts({ method, origin: 'https://evil.example' }))).toBeUndefined();
    expect(crossOriginRefusal(facts({ hasStaffCookie: false, isStaffRoute: false, origin: 'https://evil.example', secFetchSite: 'cross-site' }))).toBeUndefined();
  });

  it('refuses every unsafe method from elsewhere, by Fetch Metadata first, then Origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete']) {
      expect(crossOriginRefusal(facts({ method, origin: 'https://evil.example', secFetchSite: undefined }))).toBe('foreign_origin');
    }
    expect(crossOriginRefusal(facts({ secFetchSite: 'cross-site' }))).toBe('cross_site_fetch');
    expect(crossOriginRefusal(facts({ secFetchSite: 'same-site' }))).toBe('cross_site_fetch');
    expect(crossOriginRefusal(facts({ secFetchSite: 'none' }))).toBe('cross_site_fetch');
    expect(crossOriginRefusal(facts({ origin: 'null' }))).toBe('foreign_origin');
    expect(crossOriginRefusal(facts({ origin: 'http://pb.example' }))).toBe('foreign_origin');
  });

  it('needs an Origin when the cookie is there, but not from a script signing in without one', () => {
    expect(crossOriginRefusal(facts({ origin: undefined, secFetchSite: undefined }))).toBe('missing_origin');
    expect(crossOriginRefusal(facts({ hasStaffCookie: false, origin: undefined, secFetchSite: undefined }))).toBeUndefined();
  });

  it('accepts its own origin however it is spelled', () => {
    expect(crossOriginRefusal(facts({ origin: 'HTTPS://PB.example:443' }))).toBeUndefined();
    expect(normaliseOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(normaliseOrigin('file:///etc')).toBeUndefined();
    expect(normaliseOrigin('not an origin')).toBeUndefined();
  });
});

describe('staffSocketOriginRefusal', () => {
  const plain = { allowedOrigins: [], trustProxy: false };
  it('accepts the host the socket connected to, or a configured origin, and nothing else', () => {
    expect(staffSocketOriginRefusal({ origin: 'http://pb.example:3000', host: 'pb.example:3000' }, plain)).toBeUndefined();
    expect(staffSocketOriginRefusal({ origin: 'https://pb.example', host: 'internal:3000' }, { allowedOrigins: ['https://pb.example'], trustProxy: false })).toBeUndefined();
    expect(staffSocketOriginRefusal({ origin: 'https://pb.example', host: 'internal:3000', 'x-forwarded-host': 'pb.example' }, { allowedOrigins: [], trustProxy: true })).toBeUndefined();
    expect(staffSocketOriginRefusal({ origin: 'https://pb.example', host: 'internal:3000', 'x-forwarded-host': 'pb.example' }, plain)).toBe('foreign_origin');
    expect(staffSocketOriginRefusal({ origin: 'https://evil.example', host: 'pb.example' }, plain)).toBe('foreign_origin');
    expect(staffSocketOriginRefusal({ origin: 'null', host: 'pb.example' }, plain)).toBe('foreign_origin');
    expect(staffSocketOriginRefusal({ host: 'pb.example' }, plain)).toBe('missing_origin');
  });
});
