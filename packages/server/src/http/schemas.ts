// Small JSON-schema builders shared by every module's routes (also feed the OpenAPI description).
import { NOT_BLANK } from '@baomi/api/common.ts';

export { NOT_BLANK };
/** A string of min..max characters; with min ≥ 1 it must hold more than white space. */
export const str = (max: number, min = 1, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  minLength: min,
  maxLength: max,
  ...(min >= 1 ? { pattern: NOT_BLANK } : {}),
  ...extra,
});
export const uuid = { type: 'string', format: 'uuid' } as const;
export const nullableUuid = { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] } as const;
export const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
export const bool = { type: 'boolean' } as const;
export const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum });

export function object(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', additionalProperties: false, properties, required };
}

export const idParams = object({ id: uuid }, ['id']);

export const paging = {
  page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 20 },
};

export function pageOf(q: { page?: number; pageSize?: number }): { limit: number; offset: number } {
  const pageSize = q.pageSize ?? 20;
  return { limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize };
}
