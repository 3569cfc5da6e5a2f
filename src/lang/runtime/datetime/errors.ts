/** OSError, which gmtime raises past a C int's years: the builtins' own. */
export { OSError as OSError_ } from '../exceptions.js';
