import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * Strings by code point, as CPython counts them: characters beyond the BMP (emoji, CJK
 * extension B, mathematical letters) are one character each, accented text as it is,
 * and lone surrogates are characters of their own.
 */
const E = "'a😀b𠀀c'";
const CASES = [
  `return len(${E})`, `return len('😀' * 100)`, `return len('é' + 'e\\u0301')`, `return len('\\ud800')`, `return len(chr(0xd800) + 'x')`,
  `return ${E}[1]`, `return ${E}[-1]`, `return ${E}[-2]`, `return ${E}[3]`, `return ${E}[5]`, `return ${E}[-6]`,
  `return ${E}[1:3]`, `return ${E}[::-1]`, `return ${E}[::2]`, `return ${E}[-3:]`, `return ${E}[1:-1:2]`, `return ('x' * 70 + '😀' + 'y')[69:72]`,
  `return list(${E})`, `return [c for c in ${E}]`, `return list(reversed(${E}))`, `return sorted(${E})`, `return tuple('😀😀')`,
  `return ord('😀')`, `return chr(0x1f600)`, `return ord(chr(0xd800))`, `return ord('😀x')`, `return ord('')`,
  `return max('\\uff01', '😀')`, `return min('\\uff01', '😀')`, `return '😀' > '\\uffff'`, `return '\\ud800' < '\\ue000'`, `return sorted(['\\ue000', '😀', 'z', '\\ud7ff', '𠀀', '\\uffff'])`,
  `return sorted(['a😀', 'a\\uff01', 'a'])`, `return ['😀'] < ['\\uffff']`, `return ('😀', 1) > ('\\ue000', 2)`, `return max(['x\\ud83d', 'x😀'])`,
  `return ${E}.find('b')`, `return ${E}.find('c')`, `return ${E}.rfind('😀')`, `return ${E}.index('𠀀')`, `return ${E}.rindex('c')`, `return ${E}.find('b', 2)`,
  `return ${E}.find('b', 3)`, `return ${E}.find('c', -2, -1)`, `return ${E}.find('c', -2)`, `return ${E}.count('')`, `return ${E}.count('', 2)`, `return ${E}.count('😀', 1, 2)`,
  `return ${E}.startswith('b', 2)`, `return ${E}.endswith('𠀀', 0, -1)`, `return ${E}.find('', 9)`, `return ${E}.find('', 5)`,
  `return '😀'.center(5, '*')`, `return '😀'.ljust(3, '𠀀')`, `return 'x'.rjust(4, '😀')`, `return '😀'.zfill(4)`, `return 'ab'.center(6, '😀😀')`,
  `return '%5s|' % '😀'`, `return '%-4s|' % '😀'`, `return '%.2s' % ${E}`, `return '%c' % 0x1f600`, `return '%c' % '😀'`, `return '%c' % 'ab'`, `return '%3c|' % '😀'`,
  `return '{:>5}'.format('😀')`, `return '{:😀^7}'.format('ab')`, `return '{:.3}'.format(${E})`, `return format('😀', '*<4')`, `return f'{"😀":^5}|{"é":3}|'`,
  `return '{:^7}'.format('𠀀𠀀')`, `return f'{"😀b":.1}'`, `return repr('\\ud800')`, `return repr(chr(0xdfff) + '😀')`, `return ascii('😀')`,
  `return json.dumps('\\ud800')`, `return json.dumps('😀')`, `return json.dumps('😀\\udc00', ensure_ascii=False) == '"😀\\udc00"'`, `return json.loads('"\\\\ud83d\\\\ude00"') == '😀'`,
  `return 'Joël élévation'[2:6]`, `return len('Joël élévation')`, `return 'a\\t😀\\tb'.expandtabs(4)`, `return '😀' in ${E}`, `return ${E}.split('𠀀')`,
  `return ${E}.partition('😀')`, `return 'x😀'.strip('x')`, `return {'😀': 1}['😀']`, `return str(${E}[1:2] == '😀')`,
  `data['t'] = '😀'\nreturn True`, `return text[1:]`,
];

it('counts, indexes, orders and pads strings by code point, as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
