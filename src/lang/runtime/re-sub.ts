import { checkSize, work } from './budget.js';
import { callValue } from './call.js';
import { IndexError, pyErr, typeErr } from './exceptions.js';
import type { Match, Pattern } from './re.js';
import { reError } from './re-translate.js';
import { strRepr } from './str-repr.js';
import { PyFunc, PyStrBox, typeName, type Py } from './values.js';

// re.sub's templates (sre_parse's parse_template checks, then expansion), re.sub and re.split.

/** In a replacement template, \0 with up to two more octal digits, or three octal digits, is a character. */
const TEMPLATE_OCTAL = '0[0-7]{0,2}|[1-7][0-7]{2}';
const LEADING_OCTAL = new RegExp(`^(?:${TEMPLATE_OCTAL})`);
const TEMPLATE_ESCAPE = new RegExp(`\\\\(?:g<([^>]*)>|(${TEMPLATE_OCTAL})|(\\d{1,2})|(.))`, 'gs');

/**
 * parse_template's checks, made once before any match as CPython makes them: group
 * references that exist (by number or name) and well-formed \g<...>, with its positions.
 */
function checkTemplate(template: string, p: Pattern): void {
  const groups = p.c.t.groups;
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '\\') continue;
    const c = template[i + 1];
    if (c === 'g' && template[i + 2] === '<') {
      const end = template.indexOf('>', i + 3);
      if (end < 0) reError('missing >, unterminated name', i + 3);
      const name = template.slice(i + 3, end);
      if (name === '') reError('missing group name', i + 3);
      if (/^\d+$/.test(name)) {
        if (Number(name) > groups) reError(`invalid group reference ${Number(name)}`, i + 3);
      } else if (!/^[\p{L}\p{Nl}_][\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]*$/u.test(name)) reError(`bad character in group name ${strRepr(name)}`, i + 3);
      else if (!p.c.t.names.has(name)) throw pyErr(IndexError, `unknown group name ${strRepr(name)}`);
      i = end;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      // \1 to \99, unless \0 or three octal digits make a character
      const octal = LEADING_OCTAL.exec(template.slice(i + 1));
      if (octal !== null) i += octal[0].length;
      else {
        const n = /^\d{1,2}/.exec(template.slice(i + 1))![0];
        if (Number(n) > groups) reError(`invalid group reference ${Number(n)}`, i + 1);
        i += n.length;
      }
    } else if (c === undefined) reError('bad escape (end of pattern)', i);
    else if (/[a-zA-Z]/.test(c) && !'abfnrtv'.includes(c)) reError(`bad escape \\${c}`, i);
    else i++;
  }
}

/** Expands a replacement template: \1, \g<1>, \g<name> and the usual escapes. */
function expand(template: string, m: Match): string {
  // octal digits make a character, other digits name a group
  return template.replace(TEMPLATE_ESCAPE, (whole, g: string | undefined, oct: string | undefined, d: string | undefined, c: string | undefined) => {
    if (g !== undefined) return m.group(/^\d+$/.test(g) ? Number(g) : g) ?? '';
    if (oct !== undefined) return String.fromCharCode(parseInt(oct, 8));
    if (d !== undefined) return m.group(Number(d)) ?? '';
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '\\':
        return '\\';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      default:
        if (c !== undefined && /[a-zA-Z]/.test(c)) reError(`bad escape \\${c}`);
        return whole;
    }
  });
}

export function sub(p: Pattern, repl: Py, s: string, count: number): [string, number] {
  // a str subclass's instance replaces as its str
  if (repl instanceof PyStrBox) repl = repl.value;
  const replace = repl instanceof PyFunc ? (m: Match) => {
    let r = callValue(repl, [m], null);
    if (r instanceof PyStrBox) r = r.value;
    if (typeof r !== 'string') throw typeErr(`expected str instance, ${typeName(r)} found`);
    return r;
  } : typeof repl === 'string' ? (repl.includes('\\') ? (m: Match) => expand(repl, m) : () => repl) : null;
  if (replace === null) throw typeErr(`expected str instance, ${typeName(repl)} found`);
  if (typeof repl === 'string' && repl.includes('\\')) checkTemplate(repl, p);
  let out = '';
  let last = 0;
  let n = 0;
  for (const m of p.all(s)) {
    if (count > 0 && n >= count) break;
    // a template is read again for every match, whatever it expands to (\1 of an empty group)
    if (typeof repl === 'string') work(repl.length);
    out += s.slice(last, m.m.index) + replace(m);
    last = m.m.index + m.m[0].length;
    n++;
    checkSize(out.length);
  }
  out += s.slice(last);
  checkSize(out.length);
  return [out, n];
}

export function split(p: Pattern, s: string, maxsplit: number): Py[] {
  const out: Py[] = [];
  let last = 0;
  let n = 0;
  for (const m of p.all(s)) {
    if (maxsplit > 0 && n >= maxsplit) break;
    out.push(s.slice(last, m.m.index));
    for (let i = 1; i <= p.c.t.groups; i++) out.push(m.m[i] ?? null);
    last = m.m.index + m.m[0].length;
    n++;
  }
  out.push(s.slice(last));
  checkSize(out.length);
  return out;
}
