/**
 * Flag's and Enum's functions called unbound on what is no member of theirs (an Enum's member, a
 * str or float value, re.RegexFlag's members, no class at all), re.RegexFlag's operators on any
 * int, and the work of a member's huge value: CPython's answers, or the run's limits, never an
 * error of the evaluator's own. Found by an outside attack round.
 */
import { describe, expect, it } from 'vitest';
import { cpuUsage } from 'node:process';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const tryEach = (calls: string): string => `r = []\nfor f in (${calls}):\n    try:\n        r.append(f())\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r`;

describe("enum's functions, unbound", () => {
  it('answers as CPython does for what is no member of theirs', () => {
    expect(
      compareWithCPython([
        // a generator, whose body (value & cls._flag_mask_) runs at the first next()
        `import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\n${tryEach("lambda: list(F._iter_member_('x')), lambda: list(F._iter_member_(1.5)), lambda: list(F._iter_member_(None)), lambda: list(F._iter_member_(F.B)), lambda: list(F._iter_member_(3)), lambda: list(F._iter_member_by_def_(True)), lambda: type(F._iter_member_('x')).__name__")}`,
        // a value whose & answers what is no int: _iter_bits_lsb's `num < 0`, `while num:` and `~num` on it
        "import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\nclass O:\n    def __and__(self, o): return 3\nclass P:\n    def __and__(self, o): return 'x'\nclass Q:\n    def __and__(self, o): return ''\nr = []\nfor v in (O(), P(), Q()):\n    try:\n        r.append(list(F._iter_member_(v)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
        "import enum\nclass F(enum.Flag):\n    A = 1\n    B = 2\nclass R:\n    def __and__(self, o): return 2.0\nclass S:\n    def __and__(self, o): return 0.0\nclass T:\n    def __and__(self, o): return -1.5\nr = []\nfor v in (R(), S(), T()):\n    try:\n        r.append(list(F._iter_member_(v)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
        // what is no flag class: the AttributeError of its _flag_mask_, or of its __qualname__
        `import enum\nclass E(enum.Enum):\n    A = 1\n${tryEach('lambda: list(enum.Flag._iter_member_by_value_.__func__(E, 1)), lambda: list(enum.Flag._iter_member_by_def_.__func__(enum.Enum, 1)), lambda: list(enum.Flag._iter_member_.__func__(None, 1)), lambda: list(enum.Flag._iter_member_.__func__(5, 1)), lambda: enum.Flag._missing_.__func__(E, 3), lambda: enum.Flag._missing_.__func__(None, 3), lambda: enum.Flag._missing_.__func__(None, "x")')}`,
        // values that are no ints: Python's operators on them, and their errors
        `import enum\nclass E(enum.Enum):\n    A = 'a'\nclass G(enum.Enum):\n    A = 1.5\nclass S(enum.StrEnum):\n    A = 'a'\n${tryEach("lambda: enum.Flag.__len__(E.A), lambda: enum.Flag.__or__(E.A, E.A), lambda: enum.Flag.__contains__(G.A, G.A), lambda: enum.Flag.__and__(G.A, G.A), lambda: enum.Flag.__len__(G.A), lambda: enum.Flag.__len__(S.A), lambda: enum.Flag.__xor__(S.A, 'b')")}`,
        // re.RegexFlag's members, which are no instances of a class here
        'import enum, re\nreturn enum.Flag.__repr__(re.I), enum.Enum.__repr__(re.I|re.M), enum.Enum.__repr__(re.RegexFlag(4096)), enum.Flag.__invert__(re.I), enum.Flag.__str__(re.I), enum.Enum.__str__(re.M), enum.Flag.__str__(re.RegexFlag(4096))',
        // Enum.__repr__ shows a name of None, Flag.__repr__ leaves it out
        "import enum\nclass F(enum.Flag):\n    A = 1\nclass E(enum.Enum):\n    A = 1\ne = E.A\ne._name_ = None\nreturn repr(F(0)), enum.Enum.__repr__(F(0)), repr(e), enum.Flag.__repr__(e), str(F(0)), str(e)",
      ]),
    ).toEqual([]);
  });
});

describe('re.RegexFlag', () => {
  it('makes any int a flag as Flag._missing_ does, and keeps one object for each value of its bits', () => {
    expect(
      compareWithCPython([
        'import re\na = re.I | -1\nreturn a.value, len(a), a == -1, repr(a), (re.I ^ -1).value, repr(re.I & -1)',
        'import re\nreturn 5 | re.I, re.I | 5, True | re.I, re.I | True, -1 | re.I',
        'import re\nreturn re.RegexFlag(2) is re.I, (re.I|re.M) is (re.M|re.I), list(re.RegexFlag)[1] is re.I, ~~re.I is re.I, re.RegexFlag(0) is re.NOFLAG',
        'import re, string\nreturn string.Template.flags is re.I',
        `import re\n${tryEach("lambda: re.RegexFlag('x'), lambda: re.RegexFlag(1.5), lambda: re.RegexFlag(None), lambda: re.RegexFlag(True), lambda: re.RegexFlag(re.M), lambda: re.RegexFlag([1])")}`,
      ]),
    ).toEqual([]);
  });

  it('refuses a value past 53 bits, past any except', () => {
    const engine = new Engine();
    for (const source of ['import re\ntry:\n    return re.I | 2**53\nexcept TypeError:\n    return 0', 'import re\ntry:\n    return re.RegexFlag(2**60)\nexcept Exception:\n    return 0'])
      expect(evaluator(engine, { source }).error).toBe('UnsupportedError: re.RegexFlag values past 53 bits are not built in the evaluator');
  });
});

describe("a member's huge value", () => {
  // CPU time, not wall time: what the run itself spent, whatever else the machine runs
  const spent = (source: string): [string | undefined, number] => {
    const engine = new Engine();
    const before = cpuUsage();
    const out = evaluator(engine, { source });
    const used = cpuUsage(before);
    return [out.error ?? out.repr, (used.user + used.system) / 1000];
  };

  it.each([
    // bit_count of a value of 10**8 bits, paid for before it runs
    ['import enum\nclass O:\n    pass\no = O()\no._value_ = 1 << 10**8\nreturn enum.Flag.__len__(o)', /^StepLimitError/],
    // its & of 2 * 10**7 bits, 200 times
    ['import enum\nclass P(enum.Flag):\n    A = 1\np = P.A\np._value_ = 1 << 2 * 10**7\nfor i in range(200):\n    enum.Flag.__contains__(p, p)\nreturn 1', /^StepLimitError/],
    // a tuple of 100,000 defaults set 3,000 times: only the values that meet a parameter are read
    ['def f(a=1):\n    return a\nt = (1,) * 10**5\nfor i in range(3000):\n    f.__defaults__ = t\nreturn f()', /^1$/],
  ])('ends %j within its budget', (source, answer) => {
    const [out, ms] = spent(source);
    expect(out).toMatch(answer);
    expect(ms).toBeLessThan(400);
  });
});
