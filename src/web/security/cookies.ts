import type { FastifyRequest } from 'fastify';

/** The cookie that holds a signed-in session's token. */
export const sessionCookie = 'simwatch_session';
/** The cookie that holds this browser's CSRF seed (over plain HTTP: see `csrfCookieOf`). */
export const csrfCookie = 'simwatch_csrf';

/**
 * The CSRF seed's cookie for this request: over HTTPS a `__Host-` cookie, which the browser only
 * accepts Secure, for this host and path /, so a neighbouring subdomain cannot plant one.
 */
export function csrfCookieOf(request: FastifyRequest): string {
  return request.protocol === 'https' ? `__Host-${csrfCookie}` : csrfCookie;
}

/** Cookie settings: HttpOnly, SameSite, and Secure whenever the request came over HTTPS. */
export function cookieOptions(request: FastifyRequest, sameSite: 'lax' | 'strict') {
  return {
    path: '/',
    httpOnly: true,
    sameSite,
    secure: request.protocol === 'https',
  } as const;
}
