/**
 * OSError, which gmtime raises past a C int's years: the builtins do not define it yet
 * (issue 12 adds it); stage two replaces this with theirs.
 */
import { Exception } from '../exceptions.js';
import { PyException, PyType } from '../values.js';

// its text is worded from args when read, as every exception's (repr.ts's str)
export const OSError_: PyType = new PyType('OSError', (args) => new PyException(OSError_, args), Exception, true);
