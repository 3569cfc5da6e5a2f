/**
 * shlex, as CPython 3.11's Lib/shlex.py writes it: split, quote, join, and the shlex class
 * as far as split needs it (posix and non-posix modes, punctuation_chars, whitespace_split,
 * comments, push_token, iteration). Its settings are the instance's attributes, read as the
 * Python reads them, so a condition may change them between tokens. A str is read as
 * StringIO reads it; another stream through its own read(1) and readline(). Sourcing files
 * (sourcehook, push_source) and reading stdin (no instream) reach the host: refused.
 */
import { cpChars } from '../../codepoints.js';
import { getattr } from '../../attributes.js';
import { allocStr, step, work } from '../../budget.js';
import { makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { PyProperty } from '../../descriptors.js';
import { fatalErr, stopIteration, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { contains, eq, iterate, toList, truthy } from '../../ops.js';
import { str } from '../../repr.js';
import { callValue } from '../../call.js';
import { PyFunc, PyModule, typeName, type Py } from '../../values.js';
import { callMethod } from '../calendar/py.js';
import { pyDef } from '../python-def.js';
import { strOf } from '../urllib/text.js';

export const SHLEX = makeClass('shlex', 'shlex', [OBJECT_CLASS]);
SHLEX.module = 'shlex';

/** What an instance reads: a str's code points, or a stream's read(1); and its pushback deques. */
interface Stream {
  chars: string[] | null;
  at: number;
  pushback: Py[];
  pushbackChars: string[];
}
const STREAMS = new WeakMap<object, Stream>();

function streamOf(self: Py): Stream {
  const s = STREAMS.get(self as object);
  if (s === undefined) throw typeErr(`descriptor 'read_token' for 'shlex' objects doesn't apply to a '${typeName(self)}' object`);
  return s;
}

const WORDCHARS = 'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const POSIX_WORDCHARS = 'ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ';

const method = (name: string, params: string[], defaults: Record<string, Py>, body: (...a: Py[]) => Py): void => {
  SHLEX.attrs.set(name, pyDef(`shlex.${name}`, ['self', ...params], defaults, body));
};

method('__init__', ['instream', 'infile', 'posix', 'punctuation_chars'], { instream: null, infile: null, posix: false, punctuation_chars: false }, (self, instream, infile, posix, punct) => {
  const text = strOf(instream);
  if (instream === null) throw fatalErr(UnsupportedError, 'shlex.shlex() without a stream would read stdin, which conditions have not');
  const stream: Stream = { chars: null, at: 0, pushback: [], pushbackChars: [] };
  if (text !== undefined) {
    work(text.length);
    stream.chars = cpChars(text);
  } else setattr(self, 'instream', instream);
  STREAMS.set(self as object, stream);
  setattr(self, 'infile', infile);
  setattr(self, 'posix', posix);
  setattr(self, 'eof', truthy(posix) ? null : '');
  setattr(self, 'commenters', '#');
  setattr(self, 'wordchars', truthy(posix) ? WORDCHARS + POSIX_WORDCHARS : WORDCHARS);
  setattr(self, 'whitespace', ' \t\r\n');
  setattr(self, 'whitespace_split', false);
  setattr(self, 'quotes', '\'"');
  setattr(self, 'escape', '\\');
  setattr(self, 'escapedquotes', '"');
  setattr(self, 'state', ' ');
  setattr(self, 'lineno', 1);
  setattr(self, 'debug', 0);
  setattr(self, 'token', '');
  setattr(self, 'source', null);
  if (!truthy(punct)) punct = '';
  else if (punct === true) punct = '();<>|&';
  setattr(self, '_punctuation_chars', punct);
  if (truthy(punct)) {
    // wordchars gains '~-./*?=', less the punctuation characters (str.translate deleting them)
    const chars = strOf(punct) ?? [...iterate(punct)].map((c) => str(c)).join('');
    const words = (strOf(getattr(self, 'wordchars')) ?? '') + '~-./*?=';
    setattr(self, 'wordchars', Array.from(words).filter((c) => !chars.includes(c)).join(''));
  }
  return null;
});

SHLEX.attrs.set('punctuation_chars', new PyProperty(new PyFunc('punctuation_chars', (a) => getattr(a[0], '_punctuation_chars'), 'function'), null, null, null));

method('push_token', ['tok'], {}, (self, tok) => (streamOf(self).pushback.unshift(tok), null));

/**
 * `c in self.<name>`, for a one-character (or empty) c, as `in` reads a str or any other
 * container. The settings are read once a token (a condition changes them between tokens,
 * not within one), a str's as its text.
 */
type Among = (self: Py, name: string, c: string) => boolean;
function settingsReader(): Among {
  const read = new Map<string, string | Py>();
  return (self, name, c) => {
    let set = read.get(name);
    if (set === undefined) read.set(name, (set = strOf(getattr(self, name)) ?? getattr(self, name)));
    if (typeof set === 'string') return set.includes(c);
    return truthy(contains(set, c));
  };
}

function nextChar(self: Py, s: Stream): string {
  if (s.chars !== null) return s.at < s.chars.length ? s.chars[s.at++] : '';
  const c = callMethod(getattr(self, 'instream'), 'read', 1);
  const text = strOf(c);
  if (text === undefined) throw typeErr(`'in <string>' requires string as left operand, not ${typeName(c)}`);
  return text;
}

function readline(self: Py, s: Stream): void {
  if (s.chars === null) {
    callMethod(getattr(self, 'instream'), 'readline');
    return;
  }
  while (s.at < s.chars.length && s.chars[s.at++] !== '\n') step();
}

/** read_token: one token of the stream, as the Python's state machine reads it, character by character. */
function readToken(self: Py): Py {
  const s = streamOf(self);
  const among = settingsReader();
  const posix = truthy(getattr(self, 'posix'));
  const punctuation = truthy(getattr(self, 'punctuation_chars'));
  const whitespaceSplit = truthy(getattr(self, 'whitespace_split'));
  let quoted = false;
  let escapedstate = ' ';
  let state = getattr(self, 'state') as string | null;
  let token = strOf(getattr(self, 'token')) ?? '';
  let lineno = getattr(self, 'lineno');
  const bumpLine = () => (lineno = typeof lineno === 'number' ? lineno + 1 : callMethod(lineno, '__add__', 1));
  const emit = () => token !== '' || (posix && quoted);
  for (;;) {
    step();
    const nextchar = punctuation && s.pushbackChars.length > 0 ? s.pushbackChars.pop()! : nextChar(self, s);
    if (nextchar === '\n') bumpLine();
    if (state === null) {
      token = '';
      break;
    } else if (state === ' ') {
      if (nextchar === '') {
        state = null;
        break;
      } else if (among(self, 'whitespace', nextchar)) {
        if (emit()) break;
        continue;
      } else if (among(self, 'commenters', nextchar)) {
        readline(self, s);
        bumpLine();
      } else if (posix && among(self, 'escape', nextchar)) {
        escapedstate = 'a';
        state = nextchar;
      } else if (among(self, 'wordchars', nextchar)) {
        token = nextchar;
        state = 'a';
      } else if (among(self, 'punctuation_chars', nextchar)) {
        token = nextchar;
        state = 'c';
      } else if (among(self, 'quotes', nextchar)) {
        if (!posix) token = nextchar;
        state = nextchar;
      } else if (whitespaceSplit) {
        token = nextchar;
        state = 'a';
      } else {
        token = nextchar;
        if (emit()) break;
        continue;
      }
    } else if (among(self, 'quotes', state)) {
      quoted = true;
      if (nextchar === '') {
        setState(self, state, token, lineno);
        throw valueErr('No closing quotation');
      }
      if (nextchar === state) {
        if (!posix) {
          token += nextchar;
          state = ' ';
          break;
        }
        state = 'a';
      } else if (posix && among(self, 'escape', nextchar) && among(self, 'escapedquotes', state)) {
        escapedstate = state;
        state = nextchar;
      } else token += nextchar;
    } else if (among(self, 'escape', state)) {
      if (nextchar === '') {
        setState(self, state, token, lineno);
        throw valueErr('No escaped character');
      }
      if (among(self, 'quotes', escapedstate) && nextchar !== state && nextchar !== escapedstate) token += state;
      token += nextchar;
      state = escapedstate;
    } else if (state === 'a' || state === 'c') {
      if (nextchar === '') {
        state = null;
        break;
      } else if (among(self, 'whitespace', nextchar)) {
        state = ' ';
        if (emit()) break;
        continue;
      } else if (among(self, 'commenters', nextchar)) {
        readline(self, s);
        bumpLine();
        if (posix) {
          state = ' ';
          if (emit()) break;
          continue;
        }
      } else if (state === 'c') {
        if (among(self, 'punctuation_chars', nextchar)) token += nextchar;
        else {
          if (!among(self, 'whitespace', nextchar)) s.pushbackChars.push(nextchar);
          state = ' ';
          break;
        }
      } else if (posix && among(self, 'quotes', nextchar)) state = nextchar;
      else if (posix && among(self, 'escape', nextchar)) {
        escapedstate = 'a';
        state = nextchar;
      } else if (among(self, 'wordchars', nextchar) || among(self, 'quotes', nextchar) || (whitespaceSplit && !among(self, 'punctuation_chars', nextchar))) {
        token += nextchar;
      } else {
        if (punctuation) s.pushbackChars.push(nextchar);
        else s.pushback.unshift(nextchar);
        state = ' ';
        if (emit()) break;
        continue;
      }
    }
    // a token grows a character at a time: paid for as it grows
    if (token.length > 0 && (token.length & 1023) === 0) allocStr(token.length);
  }
  const result: Py = posix && !quoted && token === '' ? null : token;
  setState(self, state, '', lineno);
  return result;
}

function setState(self: Py, state: string | null, token: string, lineno: Py): void {
  setattr(self, 'state', state);
  setattr(self, 'token', token);
  setattr(self, 'lineno', lineno);
}

method('read_token', [], {}, readToken);

method('get_token', [], {}, (self) => {
  const s = streamOf(self);
  if (s.pushback.length > 0) return s.pushback.shift()!;
  const raw = callMethod(self, 'read_token');
  if (getattr(self, 'source') !== null) throw fatalErr(UnsupportedError, 'shlex.source reads files, which conditions have not');
  // no pushed sources: the stream's end is the end
  return raw;
});

method('error_leader', ['infile', 'lineno'], { infile: null, lineno: null }, (self, infile, lineno) => {
  if (infile === null) infile = getattr(self, 'infile');
  if (lineno === null) lineno = getattr(self, 'lineno');
  if (typeof lineno !== 'number' && typeof lineno !== 'bigint' && typeof lineno !== 'boolean') throw typeErr(`%d format: a real number is required, not ${typeName(lineno)}`);
  return `"${str(infile)}", line ${Number(lineno)}: `;
});

for (const name of ['sourcehook', 'push_source', 'pop_source']) {
  method(name, ['*args'], {}, () => {
    throw fatalErr(UnsupportedError, `shlex.${name}() reads files, which conditions have not`);
  });
}

method('__iter__', [], {}, (self) => self);
method('__next__', [], {}, (self) => {
  const token = callMethod(self, 'get_token');
  if (truthy(eq(token, getattr(self, 'eof')))) throw stopIteration(undefined);
  return token;
});

/** _find_unsafe: a character outside [\w@%+=:,./-] with re.ASCII's \w. */
const UNSAFE = /[^A-Za-z0-9_@%+=:,./-]/;

function quote(s: Py): Py {
  if (!truthy(s)) return "''";
  const text = strOf(s);
  if (text === undefined) {
    if (s instanceof Object && 'data' in s) throw typeErr('cannot use a string pattern on a bytes-like object');
    throw typeErr(`expected string or bytes-like object, got '${typeName(s)}'`);
  }
  work(text.length);
  if (!UNSAFE.test(text)) return s;
  // each "'" becomes five characters
  allocStr(text.length + 2 + 4 * (text.split("'").length - 1));
  return "'" + strOf(callMethod(s, 'replace', "'", "'\"'\"'"))! + "'";
}

export const SHLEX_MODULE = new PyModule(
  'shlex',
  new Map<string, Py>([
    ['shlex', SHLEX],
    ['split', pyDef('split', ['s', 'comments', 'posix'], { comments: false, posix: true }, (s, comments, posix) => {
      if (s === null) throw fatalErr(UnsupportedError, 'shlex.split(None) would read stdin, which conditions have not');
      const lex = callValue(SHLEX, [s], new Map([['posix', posix]]));
      setattr(lex, 'whitespace_split', true);
      if (!truthy(comments)) setattr(lex, 'commenters', '');
      return toList(lex);
    })],
    ['quote', pyDef('quote', ['s'], {}, quote)],
    ['join', pyDef('join', ['split_command'], {}, (command) => {
      const parts: Py[] = [];
      for (const arg of iterate(command)) {
        step();
        parts.push(quote(arg));
      }
      return callMethod(' ', 'join', parts);
    })],
  ]),
);
