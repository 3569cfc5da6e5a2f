import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/engine.js';
import { compareWithCPython } from '../support/cpython.js';

const U = 'import uuid\n';
const roomy = () => new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
/** Each expression on a line of its own: its value, or its exception's type and words. */
const probes = (lines: string): string[] =>
  lines.trim().split('\n').map((e) => `${U}try:\n    return ${e.trim()}\nexcept Exception as e:\n    return type(e).__name__, str(e)`);

it('smoke', () => {
  expect(compareWithCPython(probes(`
uuid.UUID('12345678-1234-5678-1234-567812345678')
str(uuid.UUID('{12345678-1234-5678-1234-567812345678}'))
uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org')
uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
uuid.UUID('x')
uuid.UUID()
uuid.SafeUUID.unknown
uuid.UUID(int=5).fields
`), roomy())).toEqual([]);
});
