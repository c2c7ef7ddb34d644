import type { FastifyRequest } from 'fastify';

import type { User } from '../../accounts/users-service.js';

/** The signed-in account of a workspace route (the access check has already required one). */
export function signedInUser(request: FastifyRequest): User {
  if (!request.user) throw new Error('A workspace route was reached without signing in');
  return request.user;
}
