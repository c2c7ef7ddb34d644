import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { AppDeps } from '../../app/create-app-deps.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { insertUploadJob } from '../upload-jobs-repository.js';

/**
 * Leaves a small text file waiting in the upload queue, as the upload form does, filed under the
 * Northmoor test trust (imported here). Returns the job's id.
 */
export async function queueTextUpload(
  deps: AppDeps,
  upload: { id: string; title: string; text: string },
): Promise<string> {
  await importOrganisations(deps, [northmoorTrust], 'tester');
  const stagedPath = join(deps.config.dataDir, `${upload.id}.txt`);
  await writeFile(stagedPath, upload.text);
  await insertUploadJob(
    deps.database.db,
    { id: upload.id, username: 'rita', fileName: 'note.txt', stagedPath },
    {
      title: upload.title,
      docType: 'policy',
      organisationCodes: [northmoorTrust.code],
      documentDate: null,
      source: null,
      obtained: null,
      public: false,
    },
    deps.now(),
  );
  return upload.id;
}
