/** struct.error: an Exception made by PyErr_NewException("struct.error"), a heap type that takes attributes. */
import { Exception, typeErr } from '../../exceptions.js';
import { PyException, PyType } from '../../values.js';

export const STRUCT_ERROR: PyType = new PyType('struct.error', (args, kw) => {
  // BaseException.__init__'s, as it has no __init__ of its own
  if (kw !== null && kw.size !== 0) throw typeErr('error() takes no keyword arguments');
  return new PyException(STRUCT_ERROR, args);
}, Exception, true);
