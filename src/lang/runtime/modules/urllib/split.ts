/**
 * urlsplit, urlparse, urlunsplit, urlunparse, urljoin and urldefrag, and parse_qsl and
 * parse_qs, as Lib/urllib/parse.py 3.11.7 writes them, on the texts _coerce_args makes
 * (text.ts). A bracketed host is checked as ipaddress.ip_address checks it.
 */
import { allocItems, step, work } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { attrErr, IndexError, pyErr, typeErr, valueErr } from '../../exceptions.js';
import { isIterable, iterate, lt, truthy } from '../../ops.js';
import { repr } from '../../repr.js';
import { normalize } from '../../unicode-normalize.js';
import { PyDict, PyFunc, PyTuple, typeName, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import { unquote } from './quote.js';
import { DEFRAG_RESULT, PARSE_RESULT, SPLIT_RESULT, unsplitters, type UrlResultType } from './results.js';
import { coerceArgs, coerceResult, strOf } from './text.js';
import { PyByteArray } from '../../bytearray.js';
import { PyBytes } from '../../values.js';

/** bytes, not bytearray: hashable. */
const isBytes = (v: Py): boolean => v instanceof PyBytes && !(v instanceof PyByteArray);

const USES_RELATIVE = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss'];
const USES_NETLOC = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss'];
const USES_PARAMS = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel'];
const SCHEME_CHARS = /^[A-Za-z0-9+\-.]*$/;
/** _WHATWG_C0_CONTROL_OR_SPACE, stripped from the url's start and both ends of the scheme. */
const C0_START = /^[\x00-\x20]+/;
const C0_END = /[\x00-\x20]+$/;

/** A result of `type` from texts, encoded back for bytes arguments. */
function result(type: UrlResultType, texts: string[], encode: boolean): Py {
  return encode ? type.counterpart.from(texts.map((t) => coerceResult(t, true))) : type.from(texts);
}

/** ipaddress's IPv4Address text: four decimal octets, no leading zeros, each at most 255. */
function isIPv4(s: string): boolean {
  const octets = s.split('.');
  return octets.length === 4 && octets.every((o) => /^[0-9]{1,3}$/.test(o) && (o === '0' || o[0] !== '0') && Number(o) <= 255);
}

/** ipaddress's IPv6Address text (with a scope after '%'): its _ip_int_from_string rules. */
function isIPv6(address: string): boolean {
  if (address.includes('/')) return false;
  const at = address.indexOf('%');
  let text = address;
  if (at >= 0) {
    const scope = address.slice(at + 1);
    if (scope === '' || scope.includes('%')) return false;
    text = address.slice(0, at);
  }
  if (text === '') return false;
  const parts = text.split(':');
  if (parts.length < 3) return false;
  if (parts[parts.length - 1].includes('.')) {
    if (!isIPv4(parts.pop()!)) return false;
    parts.push('0', '0');
  }
  if (parts.length > 9) return false;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] !== '') continue;
    if (skip >= 0) return false;
    skip = i;
  }
  let hi: number;
  let lo: number;
  if (skip >= 0) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === '' && --hi !== 0) return false;
    if (parts[parts.length - 1] === '' && --lo !== 0) return false;
    if (8 - (hi + lo) < 1) return false;
  } else {
    if (parts.length !== 8 || parts[0] === '' || parts[parts.length - 1] === '') return false;
    hi = parts.length;
    lo = 0;
  }
  const hextets = [...parts.slice(0, hi), ...parts.slice(parts.length - lo)];
  return hextets.every((h) => /^[0-9a-fA-F]{1,4}$/.test(h));
}

/** _check_bracketed_host: an IPvFuture, or an IPv6 address (never an IPv4 one). */
function checkBracketedHost(host: string): void {
  if (host.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\.[^\n]+$/u.test(host)) throw valueErr('IPvFuture address is invalid');
  } else if (isIPv4(host)) throw valueErr('An IPv4 address cannot be in brackets');
  else if (!isIPv6(host)) throw valueErr(`${repr(host)} does not appear to be an IPv4 or IPv6 address`);
}

/** _checknetloc: a non-ASCII netloc whose NFKC form holds a delimiter the text did not. */
function checkNetloc(netloc: string): void {
  if (netloc === '' || /^[\x00-\x7f]*$/.test(netloc)) return;
  const n = netloc.replace(/[@:#?]/g, '');
  work(n.length * 4);
  const normal = normalize('NFKC', n);
  if (n === normal) return;
  for (const c of '/?#@:') if (normal.includes(c)) throw valueErr(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
}

/** urlsplit on texts: the five parts. */
function splitText(url: string, scheme: string, allowFragments: boolean): string[] {
  work(url.length * 2);
  url = url.replace(C0_START, '').replace(/[\t\r\n]/g, '');
  scheme = scheme.replace(C0_START, '').replace(C0_END, '').replace(/[\t\r\n]/g, '');
  let netloc = '';
  let query = '';
  let fragment = '';
  const i = url.indexOf(':');
  if (i > 0 && /^[A-Za-z]/.test(url) && SCHEME_CHARS.test(url.slice(0, i))) {
    scheme = url.slice(0, i).toLowerCase();
    url = url.slice(i + 1);
  }
  if (url.startsWith('//')) {
    let delim = url.length;
    for (const c of '/?#') {
      const w = url.indexOf(c, 2);
      if (w >= 0) delim = Math.min(delim, w);
    }
    netloc = url.slice(2, delim);
    url = url.slice(delim);
    const open = netloc.includes('[');
    const close = netloc.includes(']');
    if (open !== close) throw valueErr('Invalid IPv6 URL');
    if (open && close) {
      const after = netloc.slice(netloc.indexOf('[') + 1);
      const end = after.indexOf(']');
      checkBracketedHost(end < 0 ? after : after.slice(0, end));
    }
  }
  if (allowFragments && url.includes('#')) [url, fragment] = cut(url, '#');
  if (url.includes('?')) [url, query] = cut(url, '?');
  checkNetloc(netloc);
  return [scheme, netloc, url, query, fragment];
}

const cut = (s: string, sep: string): [string, string] => {
  const i = s.indexOf(sep);
  return [s.slice(0, i), s.slice(i + 1)];
};

/** _splitparams: the path's params after the ';' of its last segment. */
function splitParams(url: string): [string, string] {
  let i: number;
  if (url.includes('/')) {
    i = url.indexOf(';', url.lastIndexOf('/'));
    if (i < 0) return [url, ''];
  } else i = url.indexOf(';');
  return [url.slice(0, i), url.slice(i + 1)];
}

function parseText(url: string, scheme: string, allowFragments: boolean): string[] {
  const [s, netloc, path, query, fragment] = splitText(url, scheme, allowFragments);
  let [p, params] = [path, ''];
  if (USES_PARAMS.includes(s) && path.includes(';')) [p, params] = splitParams(path);
  return [s, netloc, p, params, query, fragment];
}

function unsplitText([scheme, netloc, url, query, fragment]: string[]): string {
  if (netloc !== '' || (scheme !== '' && USES_NETLOC.includes(scheme) && !url.startsWith('//'))) {
    if (url !== '' && !url.startsWith('/')) url = '/' + url;
    url = '//' + netloc + url;
  }
  if (scheme !== '') url = scheme + ':' + url;
  if (query !== '') url = url + '?' + query;
  if (fragment !== '') url = url + '#' + fragment;
  return url;
}

function unparseText([scheme, netloc, url, params, query, fragment]: string[]): string {
  if (params !== '') url = `${url};${params}`;
  return unsplitText([scheme, netloc, url, query, fragment]);
}

const HASH = BUILTINS.get('hash') as PyFunc;

/** `scheme.strip(...)`: a false scheme that is not a str passes _coerce_args beside a str url, and has no strip. */
function schemeStrips(scheme: Py, encode: boolean): void {
  if (!encode && strOf(scheme) === undefined) throw attrErr(scheme, 'strip');
}

export function urlsplit(url: Py, scheme: Py, allowFragments: Py): Py {
  // lru_cache(typed=True) hashes the arguments first
  // (a str, bytes or bool always hashes: only what else is given is asked, so a long str's hash is not computed for nothing)
  for (const a of [url, scheme, allowFragments]) if (strOf(a) === undefined && !isBytes(a) && typeof a !== 'boolean') callValue(HASH, [a], null);
  const [[u, s], encode] = coerceArgs([url, scheme]);
  schemeStrips(scheme, encode);
  return result(SPLIT_RESULT, splitText(u, s, truthy(allowFragments)), encode);
}

export function urlparse(url: Py, scheme: Py, allowFragments: Py): Py {
  const [[u, s], encode] = coerceArgs([url, scheme]);
  // urlsplit's lru_cache hashes the texts (always hashable) and allow_fragments
  if (typeof allowFragments !== 'boolean') callValue(HASH, [allowFragments], null);
  schemeStrips(scheme, encode);
  return result(PARSE_RESULT, parseText(u, s, truthy(allowFragments)), encode);
}

/** `a, b, ..., _coerce_result = _coerce_args(*components)`: the components' count checked as the unpacking does. */
function components(value: Py, n: number): [string[], boolean] {
  if (!isIterable(value)) throw typeErr(`urllib.parse._coerce_args() argument after * must be an iterable, not ${typeName(value)}`);
  const items: Py[] = [];
  for (const x of iterate(value)) {
    step();
    items.push(x);
    if (items.length > n + 1) break;
  }
  if (items.length === 0) throw pyErr(IndexError, 'tuple index out of range');
  const [texts, encode] = coerceArgs(items.slice(0, n + 1));
  if (texts.length + 1 > n + 1) throw valueErr(`too many values to unpack (expected ${n + 1})`);
  if (texts.length + 1 < n + 1) throw valueErr(`not enough values to unpack (expected ${n + 1}, got ${texts.length + 1})`);
  return [texts, encode];
}

export function urlunsplit(value: Py): Py {
  const [texts, encode] = components(value, 5);
  return coerceResult(unsplitText(texts), encode);
}

export function urlunparse(value: Py): Py {
  const [texts, encode] = components(value, 6);
  return coerceResult(unparseText(texts), encode);
}
unsplitters.urlunsplit = urlunsplit;
unsplitters.urlunparse = urlunparse;

function joinText(base: string, url: string, allowFragments: boolean): string {
  const [bscheme, bnetloc, bpath, bparams, bquery] = parseText(base, '', allowFragments);
  let [scheme, netloc, path, params, query, fragment] = parseText(url, bscheme, allowFragments);
  if (scheme !== bscheme || !USES_RELATIVE.includes(scheme)) return url;
  if (USES_NETLOC.includes(scheme)) {
    if (netloc !== '') return unparseText([scheme, netloc, path, params, query, fragment]);
    netloc = bnetloc;
  }
  if (path === '' && params === '') {
    path = bpath;
    params = bparams;
    if (query === '') query = bquery;
    return unparseText([scheme, netloc, path, params, query, fragment]);
  }
  const baseParts = bpath.split('/');
  if (baseParts[baseParts.length - 1] !== '') baseParts.pop();
  let segments: string[];
  if (path.startsWith('/')) segments = path.split('/');
  else {
    segments = [...baseParts, ...path.split('/')];
    // segments[1:-1] = filter(None, segments[1:-1])
    if (segments.length > 2) segments = [segments[0], ...segments.slice(1, -1).filter((s) => s !== ''), segments[segments.length - 1]];
  }
  allocItems(segments.length);
  const resolved: string[] = [];
  for (const seg of segments) {
    if (seg === '..') resolved.pop();
    else if (seg !== '.') resolved.push(seg);
  }
  if (segments[segments.length - 1] === '.' || segments[segments.length - 1] === '..') resolved.push('');
  return unparseText([scheme, netloc, resolved.join('/') || '/', params, query, fragment]);
}

export function urljoin(base: Py, url: Py, allowFragments: Py): Py {
  if (!truthy(base)) return url;
  if (!truthy(url)) return base;
  const [[b, u], encode] = coerceArgs([base, url]);
  work((b.length + u.length) * 2);
  return coerceResult(joinText(b, u, truthy(allowFragments)), encode);
}

export function urldefrag(url: Py): Py {
  const [[u], encode] = coerceArgs([url]);
  let defrag = u;
  let frag = '';
  if (u.includes('#')) {
    const [s, n, p, a, q, f] = parseText(u, '', true);
    defrag = unparseText([s, n, p, a, q, '']);
    frag = f;
  }
  return result(DEFRAG_RESULT, [defrag, frag], encode);
}

export function parseQsl(qs: Py, keepBlank: Py, strict: Py, encoding: Py, errors: Py, maxNumFields: Py, separator: Py): PyTuple[] {
  const [[text], encode] = coerceArgs([qs]);
  const [[sep]] = coerceArgs([separator]);
  if (sep === '') throw valueErr('Separator must be of type string or bytes.');
  const fields = text === '' ? [] : text.split(sep);
  work(text.length);
  if (maxNumFields !== null && truthy(lt(maxNumFields, fields.length))) throw valueErr('Max number of fields exceeded');
  const keep = truthy(keepBlank);
  const strictParsing = truthy(strict);
  const out: PyTuple[] = [];
  for (const field of fields) {
    step();
    if (field === '' && !strictParsing) continue;
    const eq = field.indexOf('=');
    let name: string;
    let value: string;
    if (eq < 0) {
      if (strictParsing) throw valueErr(`bad query field: ${repr(field)}`);
      if (!keep) continue;
      [name, value] = [field, ''];
    } else [name, value] = [field.slice(0, eq), field.slice(eq + 1)];
    if (value.length > 0 || keep) {
      const n = coerceResult(unquote(name.replace(/\+/g, ' '), encoding, errors) as string, encode);
      const v = coerceResult(unquote(value.replace(/\+/g, ' '), encoding, errors) as string, encode);
      out.push(new PyTuple([n, v]));
    }
  }
  return out;
}

export function parseQs(...args: Py[]): PyDict {
  const d = new PyDict();
  for (const pair of parseQsl(...(args as [Py, Py, Py, Py, Py, Py, Py]))) {
    const [name, value] = pair.items;
    const list = d.get(name) as Py[] | undefined;
    if (list === undefined) d.set(name, [value]);
    else list.push(value);
  }
  return d;
}

const QS_PARAMS = ['qs', 'keep_blank_values', 'strict_parsing', 'encoding', 'errors', 'max_num_fields', 'separator'];
const QS_DEFAULTS = { keep_blank_values: false, strict_parsing: false, encoding: 'utf-8', errors: 'replace', max_num_fields: null, separator: '&' };

export const SPLIT_FUNCTIONS: [string, PyFunc][] = [
  ['urlsplit', pyDef('urlsplit', ['url', 'scheme', 'allow_fragments'], { scheme: '', allow_fragments: true }, urlsplit)],
  ['urlparse', pyDef('urlparse', ['url', 'scheme', 'allow_fragments'], { scheme: '', allow_fragments: true }, urlparse)],
  ['urlunsplit', pyDef('urlunsplit', ['components'], {}, urlunsplit)],
  ['urlunparse', pyDef('urlunparse', ['components'], {}, urlunparse)],
  ['urljoin', pyDef('urljoin', ['base', 'url', 'allow_fragments'], { allow_fragments: true }, urljoin)],
  ['urldefrag', pyDef('urldefrag', ['url'], {}, urldefrag)],
  ['parse_qsl', pyDef('parse_qsl', QS_PARAMS, QS_DEFAULTS, parseQsl)],
  ['parse_qs', pyDef('parse_qs', QS_PARAMS, QS_DEFAULTS, parseQs)],
];
