/**
 * CPython's builtins that a sandbox may not have, each with why: a condition that reads one
 * (and has no variable of that name) is refused with an UnsupportedError no `except` catches,
 * not a NameError it could catch and go on from, down a path CPython would not take.
 */
export const REFUSED_BUILTINS: ReadonlyMap<string, string> = new Map([
  ...['eval', 'exec', 'compile'].map((n): [string, string] => [n, 'it runs text as code']),
  ...['open', 'input'].map((n): [string, string] => [n, "it reaches the host's files and terminal"]),
  ['globals', "a module's globals hold CPython's builtins module, whose __import__, open and eval reach the host"],
  ...['breakpoint', 'help', 'exit', 'quit', 'license', 'credits', 'copyright'].map((n): [string, string] => [n, 'it belongs to the interactive interpreter']),
  ...['aiter', 'anext'].map((n): [string, string] => [n, 'asynchronous iteration is not built']),
]);
