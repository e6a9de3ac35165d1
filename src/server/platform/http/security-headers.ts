// Security headers on every response (helmet), a Permissions-Policy (helmet sets none), and
// `Cache-Control: no-store` on every /api/ response, errors included: they carry, or may carry,
// personal data. docs/security.md ("Headers") says what is promised and which test proves it.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The web app's policy, as strict as the built app (dist/web) allows: scripts, fonts, images and
 * stylesheets only from this origin, no inline or eval'd script, no plugins, no <base>, nothing
 * may frame the app, requests only to this origin.
 *
 * Styles need 'unsafe-inline', for two reasons found by tests/e2e/csp.test.ts:
 *  - <style> elements: Mantine writes its theme's CSS variables (font family, colours) into a
 *    <style data-mantine-styles> element at run time, whose content the server does not know (so
 *    no hash), and the web app passes no nonce to MantineProvider. Without it the theme is lost.
 *  - style attributes: ECharts' tooltip sets its HTML (with inline `style="…"` markers) through
 *    innerHTML. Without it every chart hover is a violation and the tooltips lose their layout.
 * Inline styles cannot run script; the script policy stays strict. Dropping 'unsafe-inline' needs
 * a per-request nonce in index.html handed to MantineProvider's getStyleNonce, and tooltips with
 * renderMode 'richText' (or formatters without style attributes).
 */
export function cspDirectives(production: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    // The spoken questions (decision 023): clips from this origin (/audio/<sha256>.webm), and on the
    // recording page the clip just recorded, played back from a blob: URL before it is saved.
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    // The citizen's page keeps itself for a reload while offline with its own service worker
    // (/handover-sw.js, scope /handover.html, never /api/; decision 020): same-origin workers only.
    'worker-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Over plain http (development, the browser tests on 127.0.0.1) this would break every request.
    'upgrade-insecure-requests': production ? [] : null,
  };
}

/**
 * Browser features the app never uses are switched off for it and anything it embeds. Two are
 * this origin's only (decision 023), never an embedded frame's: the microphone, for the recording
 * page of the spoken questions (getUserMedia, src/web/features/audio), and autoplay, for the
 * citizen's page, which plays a question's clip as it appears when the citizen has turned that on.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=(self)',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=(self)',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
].join(', ');

export const HSTS_MAX_AGE = 365 * 24 * 60 * 60;

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Call on the root instance before the routes are registered: every route, the 404 handler and
 * the error handler's replies then carry the headers (helmet sets them in an onRequest hook).
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { production: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(opts.production) },
    xFrameOptions: { action: 'deny' },
    xContentTypeOptions: true,
    referrerPolicy: { policy: 'no-referrer' },
    // Only in production, which is served over HTTPS; development and tests use plain http.
    strictTransportSecurity: opts.production ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
  });
  // Set again last: a route's own Cache-Control (e.g. the instrument's no-cache) does not win on /api/.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
