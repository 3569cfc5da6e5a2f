/**
 * The names with double underscores a condition may read, after a dot or by getattr: a
 * type's or function's name, a def's qualified name, an exception's cause. They lead
 * nowhere else; every other dunder name is refused.
 */
export const READABLE_DUNDERS: ReadonlySet<string> = new Set(['__name__', '__qualname__', '__cause__']);
