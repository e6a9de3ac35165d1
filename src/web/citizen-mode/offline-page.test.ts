import { describe, expect, it } from 'vitest';
import { cspAllowsWorker } from './offline-page.ts';

describe('cspAllowsWorker', () => {
  it('follows worker-src, else script-src, else default-src', () => {
    expect(cspAllowsWorker("default-src 'self';script-src 'self';worker-src 'none';base-uri 'none'")).toBe(false);
    expect(cspAllowsWorker("default-src 'self';script-src 'self';worker-src 'self'")).toBe(true);
    expect(cspAllowsWorker("default-src 'self';script-src 'none'")).toBe(false);
    expect(cspAllowsWorker("default-src 'self'")).toBe(true);
    expect(cspAllowsWorker("default-src 'none'")).toBe(false);
    expect(cspAllowsWorker("img-src 'self'")).toBe(true);
  });
  it('allows a page served without a CSP', () => {
    expect(cspAllowsWorker(null)).toBe(true);
  });
});
