/**
 * OSError, which gmtime raises past a C int's years: the builtins do not define it yet
 * (issue 12 adds it); stage two replaces this with theirs.
 */
import { Exception, exceptionText } from '../exceptions.js';
import { PyException, PyType } from '../values.js';

export const OSError_: PyType = new PyType('OSError', (args) => new PyException(OSError_, args, exceptionText(OSError_, args)), Exception, true);
