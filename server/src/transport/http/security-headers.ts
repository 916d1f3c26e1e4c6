import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Answers that carry children's data are never stored by a browser or a
 * proxy: school iPads and staff laptops are shared, and a disk cache outlives
 * the session that fetched it. Every /api answer (errors included) and the
 * calendar feed get it.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * The Content-Security-Policy of every page and answer. Styles come only from
 * the client's own stylesheets: the client has no inline <style> and no style
 * attributes in markup, and React applies its `style` props through the CSSOM
 * (element.style), which CSP does not govern, so neither `'unsafe-inline'` nor
 * a style-src-attr allowance is needed.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  return helmet({
    strictTransportSecurity: options.production,
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'style-src-attr': ["'none'"],
        'font-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        // The call needs the camera preview and remote streams as blob/media sources.
        'media-src': ["'self'", 'blob:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // Nobody frames Peerbridge: a framed staff screen could be clicked on by a page it cannot see.
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': options.production ? [] : null,
      },
    },
  });
}
