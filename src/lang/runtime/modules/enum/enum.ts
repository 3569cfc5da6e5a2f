/**
 * enum: EnumType (a subclass of type, as Lib/enum.py writes it), Enum, ReprEnum, IntEnum,
 * StrEnum, Flag, IntFlag, auto, unique, member and nonmember, as CPython 3.11's enum.py. An enum
 * class is a class its metaclass made (PyClassOfMeta): the class statement's body fills a plain
 * dict (__prepare__), then EnumType.__new__ picks its members out of it in order (_EnumDict's
 * rules, with auto() resolved as the dict met it), makes the class with type.__new__ and each
 * member (_proto_member.__set_name__), an instance of the class (an int's or str's where it
 * mixes one in). The class's protocol (len, iter, `in`, [name], a member's reassignment) is its
 * metaclass's methods, which type-subclass.ts and classes.ts ask of a metaclass written here.
 * Each class's tables are kept in `info` and shown as CPython's _member_names_, _member_map_,
 * _value2member_map_.
 */
import { allocItems, runNumber, tick, work } from '../../budget.js';
import { isRunClass } from '../../subclasses.js';
import { BUILTINS, isinstance } from '../../builtins.js';
import { callValue } from '../../call.js';
import { moduleClass, OBJECT_CLASS, objectDelattr, objectSetattr, PyInstance } from '../../classes.js';
import { PyClass, PyClassOfMeta, newChanged, registerMetaCtor } from '../../class-values.js';
import { registerType, slotsOfClass } from '../../types/table.js';
import { bindAttr, classAttr, PyClassMethod, PyProperty, PyStaticMethod } from '../../descriptors.js';
import { AttributeError, Exception as EXCEPTION, ValueError as VALUE_ERROR, fatalErr, keyErr, missingAttr, pyErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { getattr } from '../../attributes.js';
import { checkName as checkAttributeName } from '../../attribute-names.js';
import { PyMappingProxy } from '../../mappingproxy-value.js';
import * as ops from '../../ops.js';
import { repr, str } from '../../repr.js';
import { typeNew } from '../../type-new.js';
import { valueNew } from '../../builtin-subclass.js';
import { big, norm, type Int } from '../../int/index.js';
import { payLinear } from '../../int/cost.js';
import { bitLength as exactBits, bitsBound } from '../../int/size.js';
import { argTypeName, PyDict, PyException, PyFunc, PyIntBox, PyStrBox, PyTuple, PyType, typeName, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import { PyGenerator } from '../../generator.js';
import { fileSharedObject } from '../../shared-objects.js';
import { freeze } from '../frozen-instances.js';

const TYPE = BUILTINS.get('type') as PyType;
const INT = BUILTINS.get('int') as PyType;
const STR = BUILTINS.get('str') as PyType;
const FORMAT = BUILTINS.get('format')!;

/** What CPython keeps on each enum class as its sunder attributes. */
interface Info {
  names: Py[];
  map: PyDict;
  v2m: PyDict;
  unhashable: Py[];
  memberType: PyType;
  /** The member maker (__new_member__ after the class is made), or null: object.__new__, or the mixed-in type's. */
  newMember: Py | null;
  useArgs: boolean;
  flag: FlagInfo | null;
  /** By definition order rather than by value (_iter_member_by_def_). */
  byDef: boolean;
}
interface FlagInfo {
  boundary: Py;
  mask: bigint;
  singles: bigint;
  allBits: bigint;
}

const INFO = new WeakMap<PyType, Info>();
export const enumInfo = (t: Py): Info | undefined => (t instanceof PyType ? INFO.get(t) : undefined);

/** The class's info, or the nearest enum base's (Enum's, empty, for the module's own classes). */
function infoOf(cls: PyType): Info {
  const own = INFO.get(cls);
  if (own !== undefined) return own;
  throw typeErr(`'${cls.name}' is not an enum class`);
}

const emptyInfo = (memberType: PyType, flag: FlagInfo | null): Info => ({ names: [], map: new PyDict(), v2m: new PyDict(), unhashable: [], memberType, newMember: null, useArgs: false, flag, byDef: false });

// ---- the metaclass

export const ENUM_TYPE = moduleClass('EnumType', [TYPE], TYPE);
ENUM_TYPE.module = 'enum';

/** An enum class: a class EnumType made, whose slots (registerEnumClasses) are its container's. */
export class PyEnumClass extends PyClassOfMeta {}
registerMetaCtor(ENUM_TYPE, PyEnumClass);

/** Registered by the engine once the metaclasses' classes are (type-subclass.ts): theirs, with EnumType's container methods. */
export function registerEnumClasses(): void {
  const base = slotsOfClass(PyClassOfMeta)!;
  registerType(EnumDict, slotsOfClass(PyDict)!);
  registerType(PyEnumClass, {
    ...base,
    len: (v: PyEnumClass) => infoOrEmpty(v).names.length,
    iter: (v: PyEnumClass) => enumMembers(v),
    // iter(cls) itself: EnumType.__iter__'s generator
    iterator: (v: PyEnumClass) => membersGenerator(v, false),
    contains: (v: PyEnumClass, item: Py) => enumContains(v, item),
    getitem: (v: PyEnumClass, key: Py) => enumGetitem(v, key),
    // EnumType.__getattr__: a member by name, else AttributeError(name)
    getattr: (v: PyEnumClass, name: string) => {
      // undefined, not None: a class attribute whose value is None is found (`??` passed it by, to an AttributeError)
      let found = base.getattr!(v, name);
      if (found === undefined) found = enumGetattr(v, name);
      // enum.property read on the class: the member of that name, else AttributeError(name) (Color.name)
      if (found instanceof PyProperty && ENUM_PROPERTIES.has(found)) found = enumGetattr(v, name);
      if (found === undefined && !isDunder(name)) throw pyErr(AttributeError, name);
      return found;
    },
  });
}

const isEnumClass = (v: Py): v is PyClassOfMeta => v instanceof PyClassOfMeta && v.meta.isSubclassOf(ENUM_TYPE);

/** A member's own attribute (_value_, _name_), as its instance dict holds it. */
function own(m: Py, name: string): Py {
  const d = (m as { dict?: Map<string, Py> }).dict;
  const v = d?.get(name);
  return v === undefined ? getattr(m, name) : v;
}
const valueOf = (m: Py): Py => own(m, '_value_');
const nameOf = (m: Py): Py => own(m, '_name_');

function setOwn(m: Py, name: string, v: Py): void {
  const d = (m as { dict?: Map<string, Py> }).dict;
  if (d !== undefined) d.set(name, v);
  else objectSetattr(m, name, v);
}

const isDunder = (n: string): boolean => n.length > 4 && n.startsWith('__') && n.endsWith('__') && n[2] !== '_' && n[n.length - 3] !== '_';
const isSunder = (n: string): boolean => n.length > 2 && n[0] === '_' && n[n.length - 1] === '_' && n[1] !== '_' && n[n.length - 2] !== '_';
function isPrivate(cls: string, n: string): boolean {
  const p = `_${cls}__`;
  return n.length > p.length && n.startsWith(p) && (n[n.length - 1] !== '_' || n[n.length - 2] !== '_');
}
const SUNDERS = new Set(['_order_', '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_', '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_']);

/** _is_descriptor: hasattr __get__, __set__ or __delete__ (a function, a property, a class's instance with one). */
function isDescriptor(v: Py): boolean {
  if (v instanceof PyType) return false;
  if (v instanceof PyFunc) return v.kind !== 'builtin';
  if (v instanceof PyProperty || v instanceof PyClassMethod || v instanceof PyStaticMethod) return true;
  if (v instanceof PyInstance) return v.cls.lookup('__get__') !== undefined || v.cls.lookup('__set__') !== undefined || v.cls.lookup('__delete__') !== undefined;
  return false;
}

// ---- auto, member, nonmember

export const AUTO = moduleClass('auto', [OBJECT_CLASS], null);
AUTO.module = 'enum';
const AUTO_NULL_CLASS = moduleClass('_auto_null', [OBJECT_CLASS], null);
AUTO_NULL_CLASS.module = 'enum';
AUTO_NULL_CLASS.attrs.set('__repr__', pyDef('_auto_null.__repr__', ['self'], {}, () => '_auto_null'));
const AUTO_NULL = new PyInstance(AUTO_NULL_CLASS);
freeze(AUTO_NULL, 'enum._auto_null');
fileSharedObject(AUTO_NULL_CLASS, 'enum._auto_null');
AUTO.attrs.set('__init__', pyDef('auto.__init__', ['self', 'value'], { value: AUTO_NULL }, (self, value) => {
  (self as PyInstance).dict.set('value', value);
  return null;
}));
AUTO.attrs.set('__repr__', pyDef('auto.__repr__', ['self'], {}, (self) => `auto(${repr(getattr(self, 'value'))})`));

function wrapper(name: string): PyClass {
  const c = moduleClass(name, [OBJECT_CLASS], null);
  c.module = 'enum';
  c.attrs.set('__init__', pyDef(`${name}.__init__`, ['self', 'value'], {}, (self, value) => {
    (self as PyInstance).dict.set('value', value);
    return null;
  }));
  return c;
}
export const MEMBER = wrapper('member');
export const NONMEMBER = wrapper('nonmember');
const isA = (v: Py, c: PyClass): v is PyInstance => v instanceof PyInstance && v.cls.isSubclassOf(c);

// ---- EnumType.__prepare__ and __new__

/**
 * _EnumDict: the class body's namespace, which tells members from the rest as each name is
 * stored (so that `RW = R | W` reads the values auto() gave R and W), refuses a member's name
 * used twice, and keeps the members' names in order.
 */
export class EnumDict extends PyDict {
  /** The class body's stores come here one by one (metaclass.ts's storesThrough). */
  readonly storesThrough = true;
  readonly memberNames: string[] = [];
  private readonly memberSet = new Set<string>();
  private readonly lastValues: Py[] = [];
  ignore = new Set<string>();
  private autoCalled = false;
  private generate: Py = null;
  constructor(readonly clsName: string, first: PyClass | null) {
    super();
    if (first !== null) {
      const g = first.lookup('_generate_next_value_');
      this.generate = g instanceof PyStaticMethod ? g.fn : g ?? null;
    }
  }
  override set(key: Py, value: Py): void {
    if (typeof key === 'string') value = this.admit(key, value);
    else this.admitOther(key);
    super.set(key, value);
  }
  /**
   * A name that is no str (the functional API's `[('A', 1), (('B',), 2)]`): _is_private's
   * len(name) and name.startswith(...) as CPython asks them, else a member, whose
   * setattr on the class then fails (makeEnum).
   */
  private admitOther(key: Py): void {
    const pattern = `_${this.clsName}__`;
    if (ops.len(key) > pattern.length) callValue(getattr(key, 'startswith'), [pattern], null);
    this.memberNames.push(key as string);
  }
  private admit(key: string, value: Py): Py {
    tick();
    // every str name here becomes the class's attribute (a member, or the body's through type_new)
    checkAttributeName(key);
    if (isPrivate(this.clsName, key)) return value;
    if (isSunder(key)) {
      if (!SUNDERS.has(key)) throw valueErr(`_sunder_ names, such as '${key}', are reserved for future Enum use`);
      if (key === '_generate_next_value_') {
        if (this.autoCalled) throw typeErr('_generate_next_value_ must be defined before members');
        this.generate = value instanceof PyStaticMethod ? value.fn : value;
      } else if (key === '_ignore_') {
        const names = typeof value === 'string' ? value.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : (ops.toList(value) as string[]);
        work(names.length);
        // a Set of names as the class's attributes are: a long one is refused as they are
        for (const n of names) if (typeof n === 'string') checkAttributeName(n);
        this.ignore = new Set(names);
        const already = names.filter((n) => this.memberSet.has(n));
        if (already.length > 0) throw valueErr(`_ignore_ cannot specify already set names: ${repr(callValue(BUILTINS.get('set')!, [already], null))}`);
      }
      return value;
    }
    if (isDunder(key)) return value;
    if (this.memberSet.has(key)) throw typeErr(`'${key}' already defined as ${repr(this.get(key)!)}`);
    if (this.ignore.has(key)) return value;
    if (isA(value, NONMEMBER)) return value.dict.get('value') ?? null;
    if (isDescriptor(value)) return value;
    if (this.get(key) !== undefined) throw typeErr(`'${key}' already defined as ${repr(this.get(key)!)}`);
    if (isA(value, MEMBER)) value = value.dict.get('value') ?? null;
    // auto(), alone or in a tuple: _generate_next_value_(name, 1, count, last_values[:])
    let nonAuto = true;
    const single = isA(value, AUTO);
    const parts = single ? [value] : value instanceof PyTuple && value.constructor === PyTuple && value.items.some((x) => isA(x, AUTO)) ? value.items : null;
    if (parts !== null) {
      const out: Py[] = [];
      for (const p of parts) {
        let x = p;
        if (isA(p, AUTO)) {
          nonAuto = false;
          if (p.dict.get('value') === AUTO_NULL) {
            // last_values[:], a copy a member: paid for as any list built
            work(this.lastValues.length);
            p.dict.set('value', callValue(this.generate, [key, 1, this.memberNames.length, [...this.lastValues]], null));
            this.autoCalled = true;
          }
          x = p.dict.get('value')!;
          this.lastValues.push(x);
        }
        out.push(x);
      }
      value = single ? out[0] : new PyTuple(out);
    }
    this.memberNames.push(key);
    this.memberSet.add(key);
    if (nonAuto) this.lastValues.push(value);
    return value;
  }
}

ENUM_TYPE.attrs.set('__prepare__', new PyClassMethod(pyDef('EnumType.__prepare__', ['metacls', 'cls', 'bases', '**kwds'], {}, (_metacls, cls, bases) => {
  const name = cls instanceof PyStrBox ? cls.value : String(cls);
  const items = bases instanceof PyTuple ? bases.items : (ops.toList(bases) as Py[]);
  const [, first] = mixins(name, items);
  return new EnumDict(name, first);
})));

/** _get_mixins_: the type members are made of and the last base, which must be an enum. */
/** `className` as given (`<enum 1> cannot extend ...` words it by its repr). */
export function mixins(className: Py, bases: readonly Py[]): [PyType, PyClass] {
  if (bases.length === 0) return [OBJECT_CLASS, ENUM];
  for (const chain of bases) {
    if (!(chain instanceof PyType)) continue;
    for (const base of mroList(chain)) {
      tick();
      const i = INFO.get(base);
      if (i !== undefined && i.names.length > 0) throw typeErr(`<enum ${repr(className)}> cannot extend ${classRepr(base as PyClass)}`);
    }
  }
  const first = bases[bases.length - 1];
  if (!isEnumClass(first)) throw typeErr('new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`');
  return [dataType(className instanceof PyStrBox ? className.value : String(className), bases) ?? OBJECT_CLASS, first];
}

const mroList = (t: PyType): readonly PyType[] => (t instanceof PyClass ? t.mro : chainOf(t));
function chainOf(t: PyType): PyType[] {
  const out: PyType[] = [];
  for (let c: PyType | null = t; c !== null; c = c.base) out.push(c);
  if (out[out.length - 1] !== OBJECT_CLASS) out.push(OBJECT_CLASS);
  return out;
}

/** _find_data_type_. */
function dataType(className: string, bases: readonly Py[]): PyType | null {
  const found: PyType[] = [];
  for (const chain of bases) {
    if (!(chain instanceof PyType)) continue;
    let candidate: PyType | null = null;
    for (const base of mroList(chain)) {
      tick();
      if (base === OBJECT_CLASS || base.name === 'object') continue;
      const i = INFO.get(base);
      if (i !== undefined || isEnumClass(base)) {
        if (i !== undefined && i.memberType !== OBJECT_CLASS) {
          if (!found.includes(i.memberType)) found.push(i.memberType);
          break;
        }
        continue;
      }
      const hasNew = base instanceof PyClass ? base.attrs.has('__new__') || base.attrs.has('__dataclass_fields__') : true;
      if (hasNew) {
        const t = candidate ?? base;
        if (!found.includes(t)) found.push(t);
        break;
      }
      candidate ??= base;
    }
  }
  if (found.length > 1) throw typeErr(`too many data types for '${className}': {${found.map((t) => repr(t)).join(', ')}}`);
  return found[0] ?? null;
}

/** Enum.__repr__ of a class: `<enum 'Color'>`, `<flag 'Perm'>`. */
const classRepr = (cls: PyClass): string => `<${cls.isSubclassOf(FLAG) ? 'flag' : 'enum'} '${cls.name}'>`;

ENUM_TYPE.attrs.set('__new__', new PyStaticMethod(pyDef('EnumType.__new__', ['metacls', 'cls', 'bases', 'classdict', '**kwds'], {}, (metacls, nameV, basesV, nsV, kwdsV) => {
  if (!(metacls instanceof PyClass) || !metacls.isSubclassOf(ENUM_TYPE)) throw typeErr('super(type, obj): obj must be an instance or subtype of type');
  if (!(basesV instanceof PyTuple)) throw typeErr(`type.__new__() argument 2 must be tuple, not ${typeName(basesV)}`);
  if (!(nsV instanceof PyDict)) throw typeErr(`type.__new__() argument 3 must be dict, not ${typeName(nsV)}`);
  const className = nameV instanceof PyStrBox ? nameV.value : String(nameV);
  const kw = new Map<string, Py>();
  let boundary: Py = null;
  for (const [k, v] of (kwdsV as PyDict).m) {
    if (k === 'boundary') boundary = v;
    else if (k !== '_simple') kw.set(k as string, v);
  }
  return makeEnum(metacls, className, nameV, basesV, nsV, kw.size === 0 ? null : kw, boundary);
}, 'function')));

/** EnumType.__new__: the members picked out of the body's names, the class made, then each member. */
function makeEnum(metacls: PyClass, className: string, nameV: Py, basesV: PyTuple, ns: PyDict, kw: Map<string, Py> | null, boundary: Py): Py {
  const [memberType, first] = mixins(className, basesV.items);
  const firstInfo = INFO.get(first);
  // EnumType.__new__ reads classdict._member_names, which only _EnumDict has (type(Enum)('E', (Enum,), {}))
  if (!(ns instanceof EnumDict)) throw pyErr(AttributeError, `'${typeName(ns)}' object has no attribute '_member_names'`);
  const ed = ns;
  const ignore = new Set([...ed.ignore, '_ignore_']);
  const memberNames = ed.memberNames.filter((n) => !ignore.has(n));
  // a member's name deleted by the body (`del A`): classdict[name] is CPython's KeyError
  for (const n of memberNames) if (ed.get(n) === undefined) throw keyErr(n);
  const memberValues = new Map<string, Py>();
  for (const n of memberNames) memberValues.set(n, ed.get(n)!);
  const order = ed.get('_order_') ?? ed.get('__order__') ?? null;
  const body = new PyDict();
  work(ed.m.size);
  for (const [nk, v] of ed.m) {
    const key = ed.key(nk);
    if (memberValues.has(key as string) || (typeof key === 'string' && (ignore.has(key) || key === '_order_' || key === '__order__'))) continue;
    body.set(key, v);
  }
  const invalid = memberNames.filter((n) => n === 'mro' || n === '');
  if (invalid.length > 0) throw valueErr(`invalid enum member name(s) ${invalid.map((n) => repr(n)).join(',')}`);
  // _find_new_
  const ownNew = body.get('__new__');
  let newMember: Py | null = null;
  if (ownNew !== undefined) newMember = ownNew; else if (memberType instanceof PyClass && memberType.lookup('__new__') !== undefined && INFO.get(memberType) === undefined) newMember = memberType.lookup('__new__')!;
  else if (firstInfo?.newMember != null) newMember = firstInfo.newMember;
  const useArgs = newMember !== null || memberType !== OBJECT_CLASS;
  const isFlag = first.isSubclassOf(FLAG);
  const flag: FlagInfo | null = isFlag ? { boundary: boundary ?? firstInfo?.flag?.boundary ?? null, mask: 0n, singles: 0n, allBits: 0n } : null;
  const info: Info = { ...emptyInfo(memberType, flag), newMember, useArgs };
  // the class's tables, as CPython's class attributes
  body.set('_member_names_', info.names);
  body.set('_member_map_', info.map);
  body.set('_value2member_map_', info.v2m);
  body.set('_unhashable_values_', info.unhashable);
  body.set('_member_type_', memberType);
  body.set('_use_args_', useArgs);
  body.set('_value_repr_', null);
  if (isFlag) {
    body.set('_boundary_', flag!.boundary);
    // the masks, filled as members are made (below), and the class's default of a member's cached inverse (Flag.__invert__)
    for (const n of ['_flag_mask_', '_singles_mask_', '_all_bits_']) body.set(n, 0);
    body.set('_inverted_', null);
  }
  const cls = typeNew(nameV, basesV, body, kw, metacls) as PyClass;
  INFO.set(cls, info);
  // ReprEnum's direct subclasses keep the data type's str() and format()
  if (basesV.items.includes(REPR_ENUM)) {
    if (memberType === OBJECT_CLASS) throw typeErr('ReprEnum subclasses must be mixed with a data type (i.e. int, str, float, etc.)');
    if (!body.m.has('__format__')) cls.attrs.set('__format__', dataFormat);
    if (!body.m.has('__str__')) cls.attrs.set('__str__', dataStr);
  }
  // a mixed-in class's own repr and the like (a dataclass's __repr__) give way to the enum's, as
  // EnumType.__new__ replaces each found on the data type or object and not in the body
  if (memberType instanceof PyClass && memberType !== OBJECT_CLASS) {
    for (const name of ['__repr__', '__str__', '__format__', '__reduce_ex__']) {
      if (body.m.has(name)) continue;
      const found = cls.lookup(name);
      if (found !== undefined && (found === memberType.lookup(name) || found === OBJECT_CLASS.lookup(name))) cls.attrs.set(name, first.lookup(name)!);
    }
  }
  if (ownNew !== undefined) {
    cls.attrs.set('__new_member__', ownNew);
    cls.attrs.set('__new__', ENUM.attrs.get('__new__')!);
    newChanged();
  }
  allocItems(memberNames.length);
  for (const name of memberNames) {
    // _proto_member.__set_name__'s setattr(enum_class, member_name, ...) of a name that is no str (EnumDict.admitOther)
    if (typeof name !== 'string') throw typeErr(`attribute name must be string, not '${typeName(name)}'`);
    addMember(cls, info, name, memberValues.get(name)!);
  }
  if (isFlag) {
    const values = info.names.map((n) => big(valueOf(info.map.get(n)!) as Int));
    for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) info.byDef = true;
    // EnumType.__new__: members defined out of value order iterate in definition order, the class's own _iter_member_
    if (info.byDef) cls.attrs.set('_iter_member_', getattr(cls, '_iter_member_by_def_'));
  }
  if (order !== null) {
    let o = typeof order === 'string' ? order.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : (ops.toList(order) as Py[]);
    if (isFlag) o = o.filter((n) => !info.map.m.has(n as string) || singleBit(valueOf(info.map.get(n)!)));
    const canonical = new Set(info.names);
    work(o.length);
    o = o.filter((n) => !info.map.m.has(n as string) || canonical.has(n));
    if (o.length !== info.names.length || o.some((n, i) => n !== info.names[i])) throw typeErr(`member order does not match _order_:\n  ${repr(info.names)}\n  ${repr(o)}`);
  }
  return cls;
}

const singleBit = (v: Py): boolean => {
  if (!ops.isIntLike(v)) return false;
  const n = ops.intOf(v) as Int;
  // b & (b - 1): two operations of b's size, paid for as the int module's
  if (typeof n === 'bigint') payLinear(2 * bitsBound(n));
  const b = big(n);
  return b !== 0n && (b & (b - 1n)) === 0n;
};

/** _proto_member.__set_name__: the member made, its value, name and __init__, then filed (an alias where its value is taken). */
function addMember(cls: PyClass, info: Info, name: string, value: Py): void {
  tick();
  let args = value instanceof PyTuple ? value.items : [value];
  if (info.memberType.name === 'tuple' && !(info.memberType instanceof PyClass)) args = [new PyTuple(args)];
  let m: Py;
  if (info.newMember !== null) m = callValue(info.newMember instanceof PyStaticMethod ? info.newMember.fn : info.newMember, info.useArgs ? [cls, ...args] : [cls], null);
  else if (cls.valueBase !== null) m = valueNew(cls.valueBase, cls, args, null);
  else m = new PyInstance(cls);
  const d = (m as { dict?: Map<string, Py> }).dict;
  if (d === undefined || !d.has('_value_')) {
    if (info.memberType === OBJECT_CLASS) setOwn(m, '_value_', value);
    else {
      let made: Py;
      try {
        made = callValue(info.memberType, args, null);
      } catch (e) {
        if (e instanceof PyException && !e.fatal) throw typeErr('_value_ not set in __new__, unable to create it');
        throw e;
      }
      setOwn(m, '_value_', made);
    }
  }
  value = valueOf(m);
  setOwn(m, '_name_', name);
  setOwn(m, '__objclass__', cls);
  const init = cls.lookup('__init__');
  if (init !== undefined) callValue(bindAttr(init, m, cls, '__init__'), args, null);
  setOwn(m, '_sort_order_', info.names.length);
  const f = info.flag;
  if (f !== null) {
    if (!ops.isIntLike(value)) throw typeErr(`unsupported operand type(s) for |=: 'int' and '${typeName(value)}'`);
    const b = big(ops.intOf(value) as Int);
    // _flag_mask_ |= value, and _all_bits_ anew: each a new int of the mask's size, paid for as the int module's
    payLinear(bitsBound(norm(f.mask)) + bitsBound(norm(b)));
    f.mask |= b;
    if (singleBit(value)) f.singles |= b;
    f.allBits = (1n << BigInt(exactBits(norm(f.mask)))) - 1n;
    cls.attrs.set('_flag_mask_', norm(f.mask));
    cls.attrs.set('_singles_mask_', norm(f.singles));
    cls.attrs.set('_all_bits_', norm(f.allBits));
  }
  let canonical: Py | undefined;
  try {
    canonical = info.v2m.get(value);
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || e.type.name !== 'TypeError') throw e;
    for (const other of info.map.m.values()) if ((tick(), ops.truthy(ops.eqValue(valueOf(other), value)))) {
      canonical = other;
      break;
    }
  }
  if (canonical !== undefined) m = canonical;
  else if (f === null || singleBit(value)) info.names.push(name);
  cls.attrs.set(name, m);
  info.map.set(name, m);
  try {
    if (info.v2m.get(value) === undefined) info.v2m.set(value, m);
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || e.type.name !== 'TypeError') throw e;
    info.unhashable.push(value);
  }
}

// ---- EnumType's methods: the class as a container of its members

const expectEnum = (cls: Py): PyClassOfMeta => {
  if (!isEnumClass(cls)) throw typeErr(`descriptor requires a 'EnumType' object but received a '${typeName(cls)}'`);
  return cls;
};
const infoOrEmpty = (cls: PyClassOfMeta): Info => INFO.get(cls) ?? emptyInfo(OBJECT_CLASS, null);

ENUM_TYPE.attrs.set('__call__', pyDef('EnumType.__call__', ['cls', 'value', 'names', '*', 'module', 'qualname', 'type', 'start', 'boundary'], { names: null, module: null, qualname: null, type: null, start: 1, boundary: null }, (cls, value, names, _star, module, qualname, type, start, boundary) => {
  const c = expectEnum(cls);
  if (names === null) return lookupByValue(c, value);
  return functional(c, value, names, { module, qualname, type, start, boundary });
}));

/** cls.__new__(cls, value): the class's own (Enum.__new__, or one a condition wrote after the members were made). */
function lookupByValue(c: PyClassOfMeta, value: Py): Py {
  const made = c.lookup('__new__');
  if (made === undefined || made === ENUM.attrs.get('__new__')) return enumNew(c, value);
  return callValue(classAttr(made, c, '__new__'), [c, value], null);
}

export function enumMembers(cls: PyClassOfMeta): Py[] {
  const i = infoOrEmpty(cls);
  work(i.names.length);
  return i.names.map((n) => i.map.get(n)!);
}

/** EnumType.__iter__ and __reversed__ return a generator expression over the members: `type(iter(Color))` is 'generator'. */
export function membersGenerator(cls: PyClassOfMeta, reversed: boolean): PyGenerator {
  const members = enumMembers(cls);
  if (reversed) members.reverse();
  return new PyGenerator((function* () {
    for (const m of members) yield m;
    return null;
  })(), `EnumType.${reversed ? '__reversed__' : '__iter__'}.<locals>.<genexpr>`);
}

ENUM_TYPE.attrs.set('__iter__', pyDef('EnumType.__iter__', ['cls'], {}, (cls) => membersGenerator(expectEnum(cls), false)));
ENUM_TYPE.attrs.set('__reversed__', pyDef('EnumType.__reversed__', ['cls'], {}, (cls) => membersGenerator(expectEnum(cls), true)));
ENUM_TYPE.attrs.set('__len__', pyDef('EnumType.__len__', ['cls'], {}, (cls) => infoOrEmpty(expectEnum(cls)).names.length));
ENUM_TYPE.attrs.set('__bool__', pyDef('EnumType.__bool__', ['cls'], {}, () => true));
ENUM_TYPE.attrs.set('__contains__', pyDef('EnumType.__contains__', ['cls', 'member'], {}, (cls, member) => enumContains(expectEnum(cls), member)));
export function enumContains(c: PyClassOfMeta, member: Py): boolean {
  if (!isinstance(member, ENUM)) throw typeErr(`unsupported operand type(s) for 'in': '${qualnameOf(member)}' and '${c.meta.qualname}'`);
  return isinstance(member, c) && infoOrEmpty(c).map.m.has(nameOf(member) as string);
}
/** `type(v).__qualname__`, which enum's messages name a value's type by (a builtin's is its name without its module's: Fraction). */
export const qualnameOf = (v: Py): string => getattr(callValue(TYPE, [v], null), '__qualname__') as string;
ENUM_TYPE.attrs.set('__getitem__', pyDef('EnumType.__getitem__', ['cls', 'name'], {}, (cls, name) => enumGetitem(expectEnum(cls), name)));
export function enumGetitem(c: PyClassOfMeta, name: Py): Py {
  const m = infoOrEmpty(c).map.get(name);
  if (m === undefined) throw keyErr(name);
  return m;
}
ENUM_TYPE.attrs.set('__getattr__', pyDef('EnumType.__getattr__', ['cls', 'name'], {}, (cls, name) => {
  const found = enumGetattr(expectEnum(cls), name as string);
  if (found === undefined) throw pyErr(AttributeError, name as string);
  return found;
}));
export function enumGetattr(c: PyClassOfMeta, name: string): Py | undefined {
  if (isDunder(name)) return undefined;
  return INFO.get(c)?.map.get(name);
}
ENUM_TYPE.attrs.set('__members__', new PyProperty(pyDef('__members__', ['cls'], {}, (cls) => {
  const i = infoOrEmpty(expectEnum(cls));
  const copy = new PyDict();
  work(i.map.m.size);
  for (const [k, v] of i.map.m) copy.set(i.map.key(k), v);
  return new PyMappingProxy(copy);
}), null, null, null));
ENUM_TYPE.attrs.set('__repr__', pyDef('EnumType.__repr__', ['cls'], {}, (cls) => classRepr(expectEnum(cls))));
ENUM_TYPE.attrs.set('__setattr__', pyDef('EnumType.__setattr__', ['cls', 'name', 'value'], {}, (cls, name, value) => {
  enumSetattr(expectEnum(cls), name as string, value);
  return null;
}));
export function enumSetattr(c: PyClassOfMeta, name: string, value: Py | undefined): void {
  const i = INFO.get(c);
  if (value === undefined) {
    if (i?.map.m.has(name)) throw pyErr(AttributeError, `'${c.name}' cannot delete member '${name}'.`);
    objectDelattr(c, name, null);
    return;
  }
  if (i?.map.m.has(name)) throw pyErr(AttributeError, `cannot reassign member ${repr(name)}`);
  objectSetattr(c, name, value, null);
}
ENUM_TYPE.attrs.set('__delattr__', pyDef('EnumType.__delattr__', ['cls', 'attr'], {}, (cls, name) => {
  enumSetattr(expectEnum(cls), name as string, undefined);
  return null;
}));
ENUM_TYPE.attrs.set('__dir__', pyDef('EnumType.__dir__', ['cls'], {}, (cls) => {
  const c = expectEnum(cls);
  const i = infoOrEmpty(c);
  const names = new Set<string>(['__class__', '__contains__', '__doc__', '__getitem__', '__iter__', '__len__', '__members__', '__module__', '__name__', '__qualname__', ...(i.names as string[])]);
  // _new_member_ is not object.__new__: a class's own __new__, or Enum's, which Enum itself makes members with
  if (i.newMember !== null || c === ENUM) names.add('__new__');
  // `cls.__init_subclass__ is not object.__init_subclass__`: a bound method made anew, never the same object
  names.add('__init_subclass__');
  if (i.memberType !== OBJECT_CLASS) for (const n of ops.toList(callValue(BUILTINS.get('dir')!, [i.memberType], null))) names.add(n as string);
  return [...names].sort();
}));

// ---- Enum

export const ENUM = moduleClass('Enum', [OBJECT_CLASS], null, ENUM_TYPE);
ENUM.module = 'enum';
// no lay-out of its own: a class mixing int in lays its members out as int's (classes.ts's solidOf)
ENUM.attrs.set('__slots__', new PyTuple([]));
INFO.set(ENUM, emptyInfo(OBJECT_CLASS, null));

/**
 * Where _missing_ keeps a class's pseudo-members: a condition's class in its _value2member_map_,
 * as CPython does; a module's class (enum.IntFlag, which every run shares) in a map of the run's
 * own, since each condition met a fresh module in the original, and a kept pseudo-member would
 * carry one run's attributes and memory into the next.
 */
let runMembers = new WeakMap<PyClass, PyDict>();
let membersRun = -1;
export function pseudoMembers(cls: PyClass, info: Info): PyDict {
  if (isRunClass(cls)) return info.v2m;
  if (membersRun !== runNumber()) {
    membersRun = runNumber();
    runMembers = new WeakMap();
  }
  let kept = runMembers.get(cls);
  if (kept === undefined) runMembers.set(cls, (kept = new PyDict()));
  return kept;
}

/** Enum.__new__(cls, value): the member of that value, else _missing_'s answer. */
function enumNew(cls: Py, value: Py): Py {
  const c = expectEnum(cls);
  if (callValue(TYPE, [value], null) === c) return value;
  const i = infoOrEmpty(c);
  try {
    const m = i.v2m.get(value) ?? (isRunClass(c) ? undefined : pseudoMembers(c as PyClass, i).get(value));
    if (m !== undefined) return m;
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || e.type.name !== 'TypeError') throw e;
    for (const m of i.map.m.values()) if ((tick(), ops.truthy(ops.eqValue(valueOf(m), value)))) return m;
  }
  if (i.map.m.size === 0) throw typeErr(`${classRepr(c)} has no members defined`);
  let exc: PyException | null = null;
  let result: Py = null;
  try {
    result = callValue(getattr(c, '_missing_'), [value], null);
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(EXCEPTION)) throw e;
    exc = e;
  }
  if (exc === null && isinstance(result, c)) return result;
  if (exc === null && i.flag !== null && i.flag.boundary === EJECT && ops.isIntLike(result)) return result;
  const ve = valueErr(`${repr(value)} is not a valid ${c.qualname}`);
  if (result === null && exc === null) throw ve;
  if (exc === null) exc = typeErr(`error in ${c.name}._missing_: returned ${repr(result)} instead of None or a valid member`);
  // what is no ValueError is raised with the ValueError as its context (exc.__context__ = ve_exc)
  if (!exc.type.isSubclassOf(VALUE_ERROR)) exc.context = ve;
  throw exc;
}
ENUM.attrs.set('__new__', new PyStaticMethod(pyDef('Enum.__new__', ['cls', 'value'], {}, enumNew)));
ENUM.attrs.set('__init__', pyDef('Enum.__init__', ['self', '*args', '**kwds'], {}, () => null));
ENUM.attrs.set('_generate_next_value_', new PyStaticMethod(pyDef('Enum._generate_next_value_', ['name', 'start', 'count', 'last_values'], {}, (_name, start, _count, lastValues) => {
  const lv = lastValues as Py[];
  if (lv.length === 0) return start;
  // last_values.sort() sorts the copy it was given, which the fallback then walks from its end
  let sorted = lv;
  try {
    const last = lv[lv.length - 1];
    sorted = callValue(BUILTINS.get('sorted')!, [lv], null) as Py[];
    if (ops.truthy(ops.eqValue(last, sorted[sorted.length - 1]))) return ops.add(last, 1);
    throw typeErr('');
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || e.type.name !== 'TypeError') throw e;
    for (let k = sorted.length - 1; k >= 0; k--) {
      try {
        return ops.add(sorted[k], 1);
      } catch (e2) {
        if (!(e2 instanceof PyException) || e2.fatal || e2.type.name !== 'TypeError') throw e2;
      }
    }
    return start;
  }
})));
ENUM.attrs.set('_missing_', new PyClassMethod(pyDef('Enum._missing_', ['cls', 'value'], {}, () => null)));
/** Enum.__repr__, and Flag.__repr__ (`flag`), which alone leaves out a name of None: `<F: 0>` where Enum's says `<F.None: 0>`. */
function memberRepr(self: Py, flag = false): string {
  const cls = callValue(TYPE, [self], null) as PyClass;
  // `self.__class__._value_repr_` of what is no member (Enum.__repr__(5)): the type's AttributeError
  if (!isinstance(self, ENUM)) throw missingAttr(`type object '${typeName(self)}' has no attribute '_value_repr_'`, '_value_repr_', cls);
  const name = nameOf(self);
  // re.RegexFlag's members are no instances of a class: int's repr is their _value_repr_
  const vr = cls instanceof PyClass ? cls.lookup('_value_repr_') : undefined;
  const v = valueOf(self);
  const shown = vr === undefined || vr === null ? repr(v) : str(callValue(vr, [v], null));
  return name === null && flag ? `<${classNameOf(self)}: ${shown}>` : `<${classNameOf(self)}.${str(name)}: ${shown}>`;
}

/** `self.__class__.__name__` of a member: a class's, or re.RegexFlag's, which is no class of a condition's kind. */
function classNameOf(self: Py): string {
  const cls = callValue(TYPE, [self], null);
  return cls instanceof PyClass ? cls.name : typeName(self);
}
ENUM.attrs.set('__repr__', pyDef('Enum.__repr__', ['self'], {}, (self) => memberRepr(self)));
ENUM.attrs.set('__str__', pyDef('Enum.__str__', ['self'], {}, (self) => `${classNameOf(self)}.${str(nameOf(self))}`));
ENUM.attrs.set('__format__', pyDef('Enum.__format__', ['self', 'format_spec'], {}, (self, spec) => callValue(FORMAT, [str(self), formatSpec(spec)], null)));
/** str.__format__'s and int.__format__'s own check of the spec, before format()'s words could say it. */
function formatSpec(spec: Py): Py {
  if (!isinstance(spec, STR)) throw typeErr(`__format__() argument must be str, not ${argTypeName(spec)}`);
  return spec;
}
/** Enum.__hash__, hash(self._name_); but a data type before Enum in the class's order (int in IntEnum's) hashes as its values do. */
ENUM.attrs.set('__hash__', pyDef('Enum.__hash__', ['self'], {}, (self) => callValue(BUILTINS.get('hash')!, [dataFirst(self) ? baseValue(self) : nameOf(self)], null)));
function dataFirst(self: Py): boolean {
  if (!(self instanceof PyIntBox || self instanceof PyStrBox)) return false;
  const mro = (callValue(TYPE, [self], null) as PyClass).mro;
  const data = mro.findIndex((t) => !(t instanceof PyClass));
  return data !== -1 && data < mro.indexOf(ENUM);
}
ENUM.attrs.set('__reduce_ex__', pyDef('Enum.__reduce_ex__', ['self', 'proto'], {}, (self) => new PyTuple([callValue(TYPE, [self], null), new PyTuple([valueOf(self)])])));
ENUM.attrs.set('__deepcopy__', pyDef('Enum.__deepcopy__', ['self', 'memo'], {}, (self) => self));
ENUM.attrs.set('__copy__', pyDef('Enum.__copy__', ['self'], {}, (self) => self));
ENUM.attrs.set('__dir__', pyDef('Enum.__dir__', ['self'], {}, (self) => {
  const cls = callValue(TYPE, [self], null) as PyClass;
  const i = INFO.get(cls);
  const names = new Set<string>(['__class__', '__doc__', '__eq__', '__hash__', '__module__']);
  // CPython starts from object.__dir__(self), which the evaluator does not build
  if (i !== undefined && i.memberType !== OBJECT_CLASS) throw fatalErr(UnsupportedError, `dir() of a member of an enum of '${i.memberType.name}' values is not built in the evaluator: it starts from object.__dir__ of the member`);
  const d = (self as { dict?: Map<string, Py> }).dict;
  for (const n of d?.keys() ?? []) if (n[0] !== '_' && !i?.map.m.has(n)) names.add(n);
  for (const t of cls.mro) {
    if (!(t instanceof PyClass)) continue;
    for (const [n, v] of t.attrs) {
      tick();
      if (n[0] === '_') continue;
      if (v instanceof PyProperty) {
        if (v.fget !== null || !i?.map.m.has(n)) names.add(n);
        else names.delete(n);
      } else if (!i?.map.m.has(n)) names.add(n);
    }
  }
  return [...names].sort();
}));
/** enum.property: a member's name or value, which no store or delete changes (its __set__'s and __delete__'s words). */
function enumProperty(name: string, get: (self: Py) => Py, doc: string): PyProperty {
  const refuse = (what: string) => pyDef(name, ['self', 'value'], { value: null }, () => {
    throw pyErr(AttributeError, `<enum 'Enum'> cannot ${what} attribute '${name}'`);
  });
  return new PyProperty(pyDef(name, ['self'], {}, get), refuse('set'), refuse('delete'), doc);
}
ENUM.attrs.set('name', enumProperty('name', nameOf, 'The name of the Enum member.'));
ENUM.attrs.set('value', enumProperty('value', valueOf, 'The value of the Enum member.'));
const ENUM_PROPERTIES = new Set<Py>([ENUM.attrs.get('name')!, ENUM.attrs.get('value')!]);

export const REPR_ENUM = moduleClass('ReprEnum', [ENUM], null, ENUM_TYPE);
REPR_ENUM.module = 'enum';
REPR_ENUM.attrs.set('__slots__', new PyTuple([]));
INFO.set(REPR_ENUM, emptyInfo(OBJECT_CLASS, null));

/** The data type's str() and format() of a ReprEnum's member: its int's or str's own. */
const baseValue = (self: Py): Py => (self instanceof PyIntBox || self instanceof PyStrBox ? self.value : self);
export const dataStr = pyDef('__str__', ['self'], {}, (self) => (self instanceof PyStrBox ? self.value : repr(baseValue(self))));
// an empty spec is str(self), as int's and str's __format__ answer for a subclass's instance: a class's own __str__ shows
export const dataFormat = pyDef('__format__', ['self', 'format_spec'], {}, (self, spec) => (spec === '' ? str(self) : callValue(FORMAT, [baseValue(self), formatSpec(spec)], null)));

export const INT_ENUM = moduleClass('IntEnum', [INT, REPR_ENUM], INT, ENUM_TYPE);
INT_ENUM.module = 'enum';
INT_ENUM.attrs.set('__str__', dataStr);
INT_ENUM.attrs.set('__format__', dataFormat);
INFO.set(INT_ENUM, emptyInfo(INT, null));

export const STR_ENUM = moduleClass('StrEnum', [STR, REPR_ENUM], STR, ENUM_TYPE);
STR_ENUM.module = 'enum';
// str.__str__, a descriptor of str: an int is refused (IntEnum's is int.__repr__, which dataStr is too)
STR_ENUM.attrs.set('__str__', pyDef('__str__', ['self'], {}, (self) => {
  if (!isinstance(self, STR)) throw typeErr(`descriptor '__str__' requires a 'str' object but received a '${typeName(self)}'`);
  return self instanceof PyStrBox ? self.value : (self as string);
}));
STR_ENUM.attrs.set('__format__', dataFormat);
const STR_ENUM_NEW = pyDef('StrEnum.__new__', ['cls', '*values'], {}, (cls, valuesV) => {
  const values = (valuesV as PyTuple).items;
  if (values.length > 3) throw typeErr(`too many arguments for str(): ${repr(valuesV)}`);
  if (values.length === 1 && !isinstance(values[0], STR)) throw typeErr(`${repr(values[0])} is not a string`);
  if (values.length >= 2 && !isinstance(values[1], STR)) throw typeErr(`encoding must be a string, not ${repr(values[1])}`);
  if (values.length === 3 && !isinstance(values[2], STR)) throw typeErr(`errors must be a string, not ${str(values[2])}`);
  const value = callValue(STR, values, null);
  const m = valueNew(STR, cls as PyClass, [value], null);
  setOwn(m, '_value_', value);
  return m;
});
STR_ENUM.attrs.set('__new__', ENUM.attrs.get('__new__')!);
STR_ENUM.attrs.set('_generate_next_value_', new PyStaticMethod(pyDef('StrEnum._generate_next_value_', ['name', 'start', 'count', 'last_values'], {}, (name) => callValue(getattr(name, 'lower'), [], null))));
INFO.set(STR_ENUM, { ...emptyInfo(STR, null), newMember: STR_ENUM_NEW, useArgs: true });

// ---- Flag (filled by flag.ts)

export const FLAG = moduleClass('Flag', [ENUM], null, ENUM_TYPE);
FLAG.module = 'enum';

/** FlagBoundary's members stand in as their strings until flag.ts makes them. */
export let EJECT: Py = 'eject';
export const setBoundaries = (eject: Py): void => {
  EJECT = eject;
};

// ---- unique

export const UNIQUE_FN = pyDef('unique', ['enumeration'], {}, (e) => {
  const members = getattr(e, '__members__');
  const dups: string[] = [];
  for (const item of ops.iterate(callValue(getattr(members, 'items'), [], null))) {
    tick();
    const [name, m] = (item as PyTuple).items;
    const mn = getattr(m, 'name');
    if (!ops.truthy(ops.eqValue(name, mn))) dups.push(`${str(name)} -> ${str(mn)}`);
  }
  if (dups.length > 0) throw valueErr(`duplicate values found in ${repr(e)}: ${dups.join(', ')}`);
  return e;
});


/** The functional API, set by functional.ts. */
let functional: (cls: PyClassOfMeta, name: Py, names: Py, opts: { module: Py; qualname: Py; type: Py; start: Py; boundary: Py }) => Py = () => {
  throw typeErr('the functional API is not built');
};
export const setFunctional = (f: typeof functional): void => {
  functional = f;
};

export { makeEnum, classNameOf, infoOf, valueOf, nameOf, setOwn, classRepr, isEnumClass, emptyInfo, INFO, singleBit, memberRepr, type Info, type FlagInfo };
