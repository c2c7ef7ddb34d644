import { createUser, type AccountDeps } from '../accounts/users-service.js';

/** Makes a reviewer account (without a password) for each user name, as decisions need. */
export async function addReviewers(deps: AccountDeps, ...usernames: string[]): Promise<void> {
  for (const username of usernames)
    await createUser(
      deps,
      { username, displayName: username, role: 'reviewer', password: null },
      'test',
    );
}
