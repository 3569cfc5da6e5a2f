import { describe, expect, it } from 'vitest';

/**
 * Tests that need root (chroot, network namespaces). CI runs as root and must run them:
 * there, not being root fails. Elsewhere they are skipped, saying why.
 */
export function describeAsRoot(name: string, body: () => void): void {
  if (process.getuid?.() === 0) describe(name, body);
  else if (process.env.CI) describe(name, () => it('runs as root', () => expect.fail(`${name}: needs root, and CI runs as root`)));
  else describe.skip(`${name} (needs root)`, body);
}
