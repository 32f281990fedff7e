// What a value looks like on the wire. Rows hold Date values for timestamps; Fastify's serialiser
// (fast-json-stringify, driven by the response schema) writes them as ISO 8601 strings, which is the
// contract's `Timestamp`. `wire()` tells the type checker so, at no cost: the handler's result is then
// checked against the response schema's type, field by field.
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export const wire = <T>(value: T): Wire<T> => value as unknown as Wire<T>;
