import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createTestWebApp } from '../test-support/web-test-app.js';

it('probe', async () => {
  const web = await createTestWebApp({ demo: true });
  const vic = await web.signedIn('rita');
  for (const url of ['/workspace/findings?status=all', '/workspace/findings?status=all', '/workspace/findings/3', '/workspace', '/workspace/uploads']) {
    const t = performance.now();
    const r = await vic.get(url);
    console.log(url, r.statusCode, Math.round(performance.now() - t), 'ms', r.body.length);
    writeFileSync(`/tmp/wsprobe/${url.replace(/\W+/g, '_')}.html`, r.body);
  }
  await web.cleanUp();
});
