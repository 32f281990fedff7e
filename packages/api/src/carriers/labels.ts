// 涉密载体 (classified carriers): field limits and the labels the contract adds to the domain's (the
// domain's enums — kinds, statuses, step kinds, distribution classes, methods — and their labels are
// imported from @baomi/domain). Plain constants: the web app imports them without TypeBox.

/**
 * Text limits of the carrier tables, declared once: the request schemas, the web forms' rules and the
 * migration's CHECK constraints (carriers/limits.test.ts in the server reads the migration).
 */
export const LIMITS = {
  carrier: {
    title: 300,
    docNumber: 100,
    sender: 200,
    marking: 100,
    stamp: 100,
    mediumSerial: 100,
  },
  step: { note: 500 },
  destruction: { reason: 500, place: 200 },
  copyRequest: { purpose: 500 },
  takeOut: { purpose: 500, destination: 200, exitPermit: 100 },
} as const;

/** Request-only limits. */
export const INPUT_LIMITS = {
  search: 100,
  /** What the registrar types as the marking (parsed, then stored canonically). */
  markingInput: 100,
  position: 100,
  /** Copies registered by one receipt or print run. */
  batchCopies: 500,
  /** Carriers on one destruction list. */
  destructionItems: 500,
  supervisors: 10,
  copies: 50,
  consent: 200,
} as const;

export const CARRIER_SORTS = ['createdAt', 'issueDate', 'title', 'level', 'dueDate', 'copyNumber'] as const;
