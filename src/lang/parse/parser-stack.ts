/**
 * CPython 3.11's parser (Parser/parser.c, made by pegen) counts its rule calls in p->level and
 * fails past MAXSTACK (6,000) with a bare MemoryError (PyErr_NoMemory), before its compiler
 * sees the tree. Each construct nests a fixed run of rule calls: a unary minus one (factor), an
 * exponent two (factor, power), a bracket some twenty-five (from atom down through expression,
 * disjunction, ... back to atom). The parser here keeps the same count, in these units, and
 * refuses where CPython's does. Every number was read off CPython 3.11 (a chain of `-` inside the
 * construct, lengthened until ast.parse fails); test/lang/parser-stack.test.ts checks them
 * against CPython at N and N+1.
 *
 * Levels are counted from the first atom of `return X` in the condition's body (the envelope's
 * def around it): CPython's parser reaches MAXSTACK when that atom is 5,962 calls deeper.
 */
export const PARSER_STACK = 5962;

/** What each construct adds to the level of what it holds, as CPython's grammar nests it. */
export const LEVEL = {
  // expressions
  unary: 1, // factor: '-' factor
  not: 1, // inversion: 'not' inversion
  exponent: 2, // power: await_primary '**' factor
  orelse: 1, // expression: disjunction 'if' disjunction 'else' expression
  boolRight: 2, // disjunction: conjunction ('or' conjunction)+
  comparator: 3, // comparison: bitwise_or compare_op_bitwise_or_pair+
  walrusValue: 1, // named_expression: NAME ':=' expression
  lambdaBody: 2,
  lambdaDefault: 8,
  sequenceRest: 2, // star_expressions after the first comma
  starred: -5, // star_expression: '*' bitwise_or, below the expression rules
  displayStarred: -6, // star_named_expression: '*' bitwise_or
  subscriptStarredFirst: 2, // slices' starred_expression: '*' expression, first (after `slice !','` failed); later ones at subscriptRest
  yieldValue: 1,
  yieldFromValue: -1,
  // brackets: their first item, and those after a comma
  paren: 28,
  parenSecond: 30,
  parenRest: 31,
  display: 29, // [ ], { }
  displayRest: 30,
  callFirst: 24, // primary '(' arguments ')'
  callFirstOther: 27, // *a, **a or k=v first
  callRest: 28,
  callStarAfterKeyword: 29,
  subscript: 24, // primary '[' slices ']'
  subscriptRest: 27,
  sliceStep: 1, // from the slice's start
  subscriptWalrusValue: 2,
  compIter: 27, // for_if_clause: 'for' star_targets 'in' disjunction, from the bracket's atom
  compIf: 29,
  compTarget: -16, // from the iterable's: a target's subscript (t_primary) is not an expression's
  callCompIter: 25, // a generator expression as the call's argument
  callCompIf: 27,
  /** An f-string's field is parsed by a parser of its own (fstring_compile_expr), as `(expr)`, at this level whatever holds it. */
  fstringField: 15,
  string: 2, // atom: &STRING strings
  // statements: where their expression stands, from `return X`'s
  exprStatement: -1,
  yieldStatement: 0,
  assignValue: 1,
  annotation: -2,
  annotatedValue: 2,
  ifTest: -2,
  elif: 1, // an elif is an if statement nested in the one before
  whileTest: -2,
  forIter: -1,
  withItem: -1,
  withItemRest: 0,
  exceptType: -1,
  assertTest: -2,
  assertMessage: -1,
  raise: -2,
  raiseCause: -1,
  matchSubject: 0,
  caseGuard: 1,
  decorator: 1,
  defParameter: 4, // defaults and class bases
  paramAnnotation: 1, // from a default's
  target: -19, // an assignment's target's primary, from an expression statement's
  targetItems: -15, // a target after a comma, from the statement's level
  assignedTarget: -17, // a target after '=', from the statement's level
  forTarget: -20,
  delTarget: -19,
  delTargetRest: -18,
  defReturns: -1,
  laterSmallStatement: 2, // after a ';'
  oneLine: -3, // a block on the line of its ':' (simple_stmts), from BODY's

} as const;

/** The level a block's statements stand at, from its statement's, when the block is on its own lines. */
export const BODY = { if: 6, elif: 7, else: 7, for: 6, while: 6, with: 6, try: 6, except: 8, finally: 7, def: 7, class: 7, case: 8 } as const;
