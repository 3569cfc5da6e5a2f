#!/usr/bin/env python3
"""Writes src/lang/runtime/codecs/cjk-tables.ts: CPython's multibyte CJK codecs as tables.

Run it with the python3 whose codecs the evaluator must match (CPython 3.11):

    python3 scripts/cjk-tables.py > src/lang/runtime/codecs/cjk-tables.ts

Everything is asked of CPython's own codecs, none is copied from elsewhere:
- decoding: every byte, then after each lead byte that CPython finds incomplete alone, every
  second byte (and after euc_jp's 0x8f, every third): what decoding exactly those bytes gives,
  a character (or two), 'illegal multibyte sequence' over 1 or 2 bytes, or 'incomplete' (more
  to read). gb18030's four-byte BMP sequences are read by their index, euc_kr's eight-byte
  make-up sequences by their three jamo bytes;
- encoding: every code point of the BMP (gb18030's others are arithmetic) through the encoder,
  written only where it differs from the inverse of decoding (the first sequence that decodes to
  the character).
Each codec's numbers are varint-coded deltas, deflated, in base64; a codec that extends another
(cp932 shift_jis, gbk gb2312, ...) keeps only the rows that differ. cjk.ts reads them on first use.
"""
import base64
import codecs
import json
import sys
import zlib

ILL1, ILL2, NEED = -1, -2, -3
MULTI = -16  # -16 - k: the k-th string of two characters

# module name: the codec whose rows it shares, if any
CODECS = {
    'gb2312': None, 'gbk': 'gb2312', 'gb18030': 'gbk',
    'shift_jis': None, 'cp932': 'shift_jis', 'euc_jp': None,
    'big5': None, 'cp950': 'big5',
    'euc_kr': None, 'cp949': 'euc_kr', 'johab': None,
    'big5hkscs': 'big5', 'euc_jis_2004': 'euc_jp', 'euc_jisx0213': 'euc_jis_2004',
    'shift_jis_2004': 'shift_jis', 'shift_jisx0213': 'shift_jis_2004',
}


def step(data, codec):
    """What decoding exactly `data` gives: a character or string, ILL1, ILL2 or NEED."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        if e.start != 0:
            raise SystemExit(f'{codec}: {data!r} fails at {e.start}: not one step')
        if e.reason == 'incomplete multibyte sequence' and e.end == len(data):
            return NEED
        if e.reason == 'illegal multibyte sequence' and e.end in (1, 2):
            return ILL1 if e.end == 1 else ILL2
        raise SystemExit(f'{codec}: {data!r}: {e}')


def rows(codec):
    """{prefix: [256 outcomes]}: the root (prefix -1), each lead byte's row, euc_jp's 0x8f rows."""
    multi = []
    out = {}

    def row(prefix):
        r = []
        for b in range(256):
            data = prefix + bytes([b])
            got = step(data, codec)
            if isinstance(got, str):
                if len(got) == 1:
                    got = ord(got)
                elif len(got) == 2 and len(data) > 1:
                    if got not in multi:
                        multi.append(got)
                    got = MULTI - multi.index(got)
                else:
                    raise SystemExit(f'{codec}: {data!r} gives {got!r}')
            r.append(got)
        out[int.from_bytes(prefix, 'big') if prefix else -1] = r
        return r

    for lead, got in enumerate(row(b'')):
        if got == NEED:
            for trail, got2 in enumerate(row(bytes([lead]))):
                if got2 == NEED and codec not in ('gb18030', 'euc_kr'):
                    if row(bytes([lead, trail])).count(NEED):
                        raise SystemExit(f'{codec}: four bytes after {lead:x} {trail:x}')
    return out, multi


def gb18030_four():
    """The character of each four-byte sequence below U+10000, by its index ((b1*10+b2)*126+b3)*10+b4."""
    out = []
    for lseq in range(39420):
        b4, b3, b2, b1 = lseq % 10, lseq // 10 % 126, lseq // 1260 % 10, lseq // 12600
        out.append(ord(bytes([0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4]).decode('gb18030')))
    # and the arithmetic of the rest, which cjk.ts does as CPython does
    for cp in (0x10000, 0x10ffff, 0x1f600):
        t = cp - 0x10000
        assert chr(cp).encode('gb18030') == bytes([0x90 + t // 12600, 0x30 + t // 1260 % 10, 0x81 + t // 10 % 126, 0x30 + t % 10])
    return out


def makeup():
    """euc_kr's make-up sequences a4 d4 a4 X a4 Y a4 Z: each of X, Y, Z's jamo index (or -1), for bytes a1..fe."""
    def index(data, base):
        try:
            s = data.decode('euc_kr')
        except UnicodeDecodeError:
            return -1
        return ord(s) - 0xac00 - base
    if cached:
        return cached
    cho = [index(bytes([0xa4, 0xd4, 0xa4, x, 0xa4, 0xbf, 0xa4, 0xd4]), 0) for x in range(0xa1, 0xff)]
    cho = [i if i < 0 else i // 588 for i in cho]
    jung = [index(bytes([0xa4, 0xd4, 0xa4, 0xa1, 0xa4, x, 0xa4, 0xd4]), 0) for x in range(0xa1, 0xff)]
    jung = [i if i < 0 else i // 28 for i in jung]
    jong = [index(bytes([0xa4, 0xd4, 0xa4, 0xa1, 0xa4, 0xbf, 0xa4, x]), 0) for x in range(0xa1, 0xff)]
    cached.extend(cho + jung + jong)
    return cached


cached = []


def encoding(codec, table, multi, four):
    """[cp, byte count, bytes...] for each code point the encoder answers other than the inverse of decoding; count 0: it refuses."""
    inverse = {}
    for prefix in sorted(table):
        for b, v in enumerate(table[prefix]):
            if v >= 0:
                data = (b'' if prefix < 0 else prefix.to_bytes(1 if prefix < 256 else 2, 'big')) + bytes([b])
                inverse.setdefault(v, data)
    for i, cp in enumerate(four):
        inverse.setdefault(cp, bytes([0x81 + i // 12600, 0x30 + i // 1260 % 10, 0x81 + i // 10 % 126, 0x30 + i % 10]))
    if codec == 'euc_kr':
        # a syllable KS X 1001 lacks is written as its make-up sequence
        jamo = makeup()
        first = lambda part, i: 0xa1 + jamo[part * 94:(part + 1) * 94].index(i)
        for cp in range(0xac00, 0xd7a4):
            i = cp - 0xac00
            inverse.setdefault(cp, bytes([0xa4, 0xd4, 0xa4, first(0, i // 588), 0xa4, first(1, i // 28 % 21), 0xa4, first(2, i % 28)]))
    out = []
    # gb18030's characters past the BMP are arithmetic
    for cp in range(0x10000 if codec == 'gb18030' else 0x110000):
        try:
            got = chr(cp).encode(codec)
        except UnicodeEncodeError:
            got = None
        if got != inverse.get(cp):
            out += [cp, 0] if got is None else [cp, len(got), *got]
    return out


def pairs(codec, multi):
    """[first, second, byte count, bytes...] for each two characters the encoder writes as one sequence, not as each of them."""
    out = []
    for a, b in candidates(multi):
        both = encode(codec, a + b)
        apart = encode(codec, a) + encode(codec, b) if encode(codec, a) is not None and encode(codec, b) is not None else None
        if both is not None and both != apart:
            truncated(codec, a, b, both)
            out += [ord(a), ord(b), len(both), *both]
    return out


def encode(codec, s):
    try:
        return s.encode(codec)
    except UnicodeEncodeError:
        return None


def candidates(multi):
    """The first and second characters of the strings that decode from one sequence; NUL too, which finds the first's own code
    (CPython looks a pair up by the second character's low 16 bits, and its table has each first character beside 0)."""
    return [(a, b) for a in sorted(set(m[0] for m in multi)) for b in sorted(set(m[1] for m in multi)) + ['\0']]


def truncated(codec, a, b, both):
    """cjk.ts finds a pair by the second character's low 16 bits, as CPython does: check that it does."""
    for plane in (1, 2, 16):
        if encode(codec, a + chr(ord(b) + plane * 0x10000)) != both:
            raise SystemExit(f'{codec}: {a!r} then plane {plane} {b!r}')


# The ISO-2022 codecs and HZ: each designation (by the escape sequence that makes it, SO
# after it for G1) whose table of one or two 7-bit bytes cjk-stateful.ts reads
ESC = b'\x1b'
STATEFUL = {
    'hz': [b'~{'],
    'iso2022_kr': [ESC + b'$)C\x0e'],
    'iso2022_jp': [ESC + b'$B', ESC + b'(J', ESC + b'$@'],
    'iso2022_jp_1': [ESC + b'$B', ESC + b'$(D', ESC + b'(J', ESC + b'$@'],
    'iso2022_jp_2': [ESC + b'$B', ESC + b'$(D', ESC + b'$(C', ESC + b'$(A', ESC + b'(J', ESC + b'$@'],
    'iso2022_jp_2004': [ESC + b'$B', ESC + b'$(Q', ESC + b'$(P'],
    'iso2022_jp_3': [ESC + b'$B', ESC + b'$(O', ESC + b'$(P'],
    'iso2022_jp_ext': [ESC + b'$B', ESC + b'$(D', ESC + b'(J', ESC + b'(I', ESC + b'$@'],
}


def charset(codec, escape, multi):
    """What each byte (or two) decodes to after the escape: bytes 0x20..0x7f first, then every second byte."""
    width = 2 if b'$' in escape or escape == b'~{' else 1
    out = []
    for a in range(0x20, 0x80):
        for b in (range(256) if width == 2 else [None]):
            data = bytes([a]) if b is None else bytes([a, b])
            if codec == 'hz' and a == 0x7e:
                # read as an escape before any table
                out.append(ILL1)
                continue
            try:
                got = (escape + data).decode(codec)
            except UnicodeDecodeError as e:
                if e.start != len(escape) or e.end - e.start not in (1, width):
                    raise SystemExit(f'{codec}: {escape + data!r}: {e}')
                out.append(ILL1 if e.end - e.start == 1 else ILL2)
                continue
            if len(got) == 2 and ord(got[0]) < 0x10000:
                if got not in multi:
                    multi.append(got)
                out.append(MULTI - multi.index(got))
            elif len(got) == 1:
                out.append(ord(got))
            else:
                raise SystemExit(f'{codec}: {escape + data!r} gives {got!r}')
    return out


def unit(codec, s, escapes):
    """The one designation and code an encoding is made of ([index, bytes...]), or None (two characters may be two codes)."""
    try:
        data = s.encode(codec)
    except UnicodeEncodeError:
        return None
    for i, escape in enumerate(escapes):
        reset = b'~}' if codec == 'hz' else b'\x0f' if escape.endswith(b'\x0e') else ESC + b'(B'
        if data.startswith(escape) and data.endswith(reset) and len(data) - len(escape) - len(reset) in (1, 2):
            return [i, *data[len(escape):-len(reset)]]
    if len(s) == 1:
        raise SystemExit(f'{codec}: {s!r} is {data!r}')
    return None


def stateful(codec):
    """The designations' tables, and the encoder where it differs from the inverse of them (the first designation, the first code)."""
    escapes = STATEFUL[codec]
    multi = []
    tables = [charset(codec, e, multi) for e in escapes]
    inverse = {}
    for i, (escape, table) in enumerate(zip(escapes, tables)):
        width = 2 if len(table) > 96 else 1
        for k, v in enumerate(table):
            if v >= 0:
                inverse.setdefault(v, [i, *([0x20 + k // 256, k % 256] if width == 2 else [0x20 + k])])
    enc = []
    for cp in [*range(0x80, 0x10000), *range(0x20000, 0x30000)]:
        u = unit(codec, chr(cp), escapes)
        if u != inverse.get(cp):
            enc += [cp, 0] if u is None else [cp, len(u) - 1, *u]
    pair = []
    for a, b in candidates(multi):
        u = unit(codec, a + b, escapes)
        if u is not None and len(u) == 3:
            truncated(codec, a, b, encode(codec, a + b))
            pair += [ord(a), ord(b), *u]
    return escapes, multi, tables, enc, pair


def sparse(table):
    """A table as [n, n gaps, n values]: the entries that are not its most common one, which is written first."""
    common = max(set(table), key=table.count)
    where = [k for k, v in enumerate(table) if v != common]
    gaps = [k - (where[i - 1] if i else -1) for i, k in enumerate(where)]
    return [len(table), common, len(where), *gaps, *[table[k] for k in where]]


def varints(numbers):
    """Zigzag varints of each number's difference from the one before."""
    out = bytearray()
    last = 0
    for n in numbers:
        d = n - last
        last = n
        z = d * 2 if d >= 0 else -d * 2 - 1
        while z >= 0x80:
            out.append(z & 0x7f | 0x80)
            z >>= 7
        out.append(z)
    return out


def main():
    made = {}
    out = sys.stdout
    out.write('// Generated by scripts/cjk-tables.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2])
    out.write('// Read by cjk.ts; the script says how it is written.\n\n')
    out.write('/** Each codec: the codec it extends, its strings of two characters, and its deflated numbers in base64. */\n')
    out.write('export const CJK: Record<string, { base: string | null; multi: string[]; data: string }> = {\n')
    for codec, base in CODECS.items():
        table, multi = rows(codec)
        four = gb18030_four() if codec == 'gb18030' else []
        made[codec] = table
        # the rows that differ from the base codec's: [prefix + 1, 256 outcomes] each
        numbers = []
        for prefix in sorted(table):
            old = made[base].get(prefix) if base is not None else None
            changed = [b for b in range(256) if old is None or old[b] != table[prefix][b]]
            if len(changed) > 100:
                numbers += [prefix + 1, 0, *table[prefix]]
            elif changed:
                # the base's row, but at these bytes
                numbers += [prefix + 1, len(changed)]
                for b in changed:
                    numbers += [b, table[prefix][b]]
        enc = encoding(codec, table, multi, four)
        extra = makeup() if codec == 'euc_kr' else []
        # five sections, each its length first; a row is [prefix + 1, 0, 256 outcomes] or [prefix + 1, n, n times byte, outcome]
        pair = pairs(codec, multi)
        body = [len(numbers), *numbers, len(enc), *enc, len(four), *four, len(extra), *extra, len(pair), *pair]
        data = base64.b64encode(zlib.compress(bytes(varints(body)), 9)).decode()
        out.write('  %s: { base: %s, multi: %s, data: "%s" },\n' % (codec, json.dumps(base), json.dumps(multi), data))
        
    out.write('};\n')
    shared = []
    made = {}
    for codec in STATEFUL:
        escapes, multi, tables, enc, pair = stateful(codec)
        ids = []
        for t in tables:
            if t not in shared:
                shared.append(t)
            ids.append(shared.index(t))
        body = [len(enc), *enc, len(pair), *pair]
        made[codec] = (escapes, multi, ids, base64.b64encode(zlib.compress(bytes(varints(body)), 9)).decode())
    out.write('/** The tables of the designations of the stateful ones (bytes 0x20..0x7f, then each second byte): sparse, deflated. */\n')
    out.write('export const CHARSETS: string[] = [\n')
    for t in shared:
        out.write('  "%s",\n' % base64.b64encode(zlib.compress(bytes(varints(sparse(t))), 9)).decode())
    out.write('];\n')
    out.write('/** The stateful ones: the escape sequence of each designation and its table in CHARSETS, and where the encoder differs from their inverse. */\n')
    out.write('export const STATEFUL: Record<string, { escapes: string[]; multi: string[]; charsets: number[]; data: string }> = {\n')
    for codec, (escapes, multi, ids, data) in made.items():
        out.write('  %s: { escapes: %s, multi: %s, charsets: %s, data: "%s" },\n' % (codec, json.dumps([e.decode('latin-1') for e in escapes]), json.dumps(multi), json.dumps(ids), data))
    out.write('};\n')


main()
