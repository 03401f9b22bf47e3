/**
 * @module http/security-headers
 * Security headers on every response (helmet): a strict Content-Security-Policy (scripts, styles
 * and connections from this origin only; the NHS.UK fonts from assets.nhs.uk, where the NHS
 * licenses them; no framing except public embeds, which come later with their own rule),
 * HSTS, no MIME sniffing, no referrer across origins.
 */
import helmet from '@fastify/helmet';
import type { Api } from './types.js';

/** The Content-Security-Policy's directives. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'https://assets.nhs.uk'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
} as const;

export async function registerSecurityHeaders(app: Api): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}
