// Building blocks of every module's contract. TypeBox schemas are JSON Schema: the server validates
// requests with them (Ajv, bilingual messages from violationFromAjv), serialises responses with them
// (only declared fields leave the server) and describes them in /api/openapi.json; the web app takes
// its types from them with `Static<…>`. Nothing here does I/O.
import { type Static, type TObject, type TProperties, type TSchema, Type } from '@sinclair/typebox';

export { type Static, Type } from '@sinclair/typebox';

/**
 * Must hold at least one visible character: not only white space, control characters (\p{Cc}) or
 * invisible format characters such as zero-width spaces and joiners (\p{Cf}). The bilingual messages
 * recognise this pattern as "blank". Ajv compiles patterns with the `u` flag.
 */
export const NOT_BLANK = '[^\\s\\p{Cc}\\p{Cf}]';

/** A string of min..max characters; with min ≥ 1 it must hold more than white space. */
export const Str = (max: number, min = 1, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: min, maxLength: max, ...(min >= 1 ? { pattern: NOT_BLANK } : {}), ...extra });

/** A record id. */
export const Uuid = Type.String({ format: 'uuid' });
export const NullableUuid = Type.Union([Uuid, Type.Null()]);
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A string from a fixed list, typed as the union of its values. */
export const Enum = <const T extends readonly string[]>(values: T, extra: Record<string, unknown> = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...extra });

export const Int = (minimum: number, maximum: number, extra: Record<string, unknown> = {}) =>
  Type.Integer({ minimum, maximum, ...extra });

/**
 * A calendar date as 'YYYY-MM-DD' (China time; a date has no time zone). Requests take any text and
 * the domain answers a wrong one with its own bilingual message naming the field; responses carry it.
 */
export const PlainDate = Type.String({ description: 'YYYY-MM-DD', maxLength: 40 });

/**
 * An instant, always an ISO 8601 string in UTC (`2026-11-27T05:04:00.000Z`) on the wire; the web
 * shows it in Asia/Shanghai. The server's rows hold Date values: the serialiser writes them as ISO
 * strings, and `wire()` (server) says so to the type checker.
 */
export const Timestamp = Type.String({ format: 'date-time' });

/** zh and en of one message (labels, warnings, reasons). */
export const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
export type Bilingual = Static<typeof Bilingual>;

/** A request object: unknown fields are refused (never silently dropped). */
export const Req = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

/** The path of a record: `/:id`. */
export const IdParams = Req({ id: Uuid });

/** Page and page size of every list (the same limits everywhere). */
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};

/** A page of a list: the rows and how many match the filter in all. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    /** `total` is a lower bound: more rows match than a list that caps its count counted ("10000+"). */
    totalAtLeast: Type.Optional(Type.Boolean()),
  });

/** Sort direction of a list. */
export const SortOrder = Enum(['asc', 'desc'] as const);

/** Every error: `{error: {code, zh, en, field?, rule?, details?}}`. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    zh: Type.String(),
    en: Type.String(),
    field: Type.Optional(Type.String()),
    rule: Type.Optional(Type.String()),
  }),
});

/** The answer of an action that has nothing else to say (logout, acknowledge). */
export const Ok = Type.Object({ ok: Type.Boolean() });
export type Ok = Static<typeof Ok>;

/** What an endpoint that answers 204 (or a file) declares. */
export const NoContent = Type.Null({ description: 'No content' });

/** A file download (xlsx, csv, pdf): described as binary, sent as a stream. */
export const FileBody = Type.String({ format: 'binary', description: 'File download' });

/**
 * What the caller may do with a record, computed by the server from the same rules that refuse the
 * action: the web shows buttons from it and never re-derives a rule.
 */
export const Ability = Type.Object({
  allowed: Type.Boolean(),
  reason: Type.Optional(
    Type.Object({ zh: Type.String(), en: Type.String(), rule: Type.Optional(Type.String()) }),
  ),
});
export type Ability = Static<typeof Ability>;
export const Abilities = Type.Record(Type.String(), Ability);
export type Abilities = Static<typeof Abilities>;

/** Only the object's declared properties, all optional (for PATCH bodies). */
export const PatchOf = <T extends TObject>(t: T) => Type.Partial(t, { additionalProperties: false });
