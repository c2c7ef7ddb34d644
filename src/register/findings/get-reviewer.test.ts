import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createUser, updateUser } from '../../accounts/users-service.js';
import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import { SimwatchError } from '../../errors.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { getReviewer } from './get-reviewer.js';

for (const database of testDatabases()) {
  describe(`getReviewer() on ${database.name}`, () => {
    let cleanUp: () => Promise<void>;
    let deps: AppDeps;

    beforeEach(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      deps = await createAppDeps(created.config, { screening: false });
      for (const [username, role] of [
        ['rev1', 'reviewer'],
        ['ada', 'administrator'],
        ['vic', 'viewer'],
        ['dan', 'reviewer'],
      ] as const)
        await createUser(deps, { username, displayName: username, role, password: null }, 'test');
      await updateUser(deps, 'dan', { disabled: true }, 'test');
    });

    afterEach(async () => {
      await deps.close();
      await cleanUp();
    });

    const refusal = (name: string) =>
      getReviewer(deps.database.db, name).then(
        () => undefined,
        (error: unknown) => error,
      );

    it('names the account without regard to case, so Rev1 and rev1 are one reviewer', async () => {
      expect(await getReviewer(deps.database.db, 'Rev1')).toBe('rev1');
      expect(await getReviewer(deps.database.db, ' rev1 ')).toBe('rev1');
      expect(await getReviewer(deps.database.db, 'ADA')).toBe('ada');
    });

    it('refuses a name that is no account, naming the value and the reviewer field', async () => {
      const error = await refusal('Nobody');
      expect(error).toBeInstanceOf(SimwatchError);
      expect(error).toMatchObject({
        code: 'not_found',
        field: 'reviewer',
        message: 'Cannot record a decision by "Nobody": there is no account with this user name',
      });
    });

    it('refuses a disabled account and a viewer', async () => {
      expect(await refusal('dan')).toMatchObject({
        message: /"dan" is disabled/,
        field: 'reviewer',
      });
      expect(await refusal('Vic')).toMatchObject({
        message: /"vic" is a viewer/,
        field: 'reviewer',
      });
    });
  });
}
