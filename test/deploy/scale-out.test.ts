import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeAsRoot } from '../support/as-root.js';
import { BINARY } from '../support/server.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/scale-out-test.sh', import.meta.url));

/** scripts/scale-out-test.sh: three hosts in network namespaces behind nginx, one killed and restarted under load. */
describeAsRoot('scale-out across hosts behind nginx', () => {
  it('loses no request when a host dies under load, and gives the host its share again once restarted', () => {
    // CI builds the executable before any test; nginx and iproute2 come from .ci/run
    expect(existsSync(BINARY), `${BINARY}: run npm run build first`).toBe(true);
    const r = spawnSync('bash', [SCRIPT, BINARY], { encoding: 'utf8', timeout: 110_000 });
    process.stdout.write(r.stdout);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('scale-out: passed');
  }, 150_000);
});
