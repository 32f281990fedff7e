// R-PER-01, R-LVL-01, R-DES-08a, R-CAR-01: who reads a carrier's record (ledger row, detail, timeline,
// export, todo): written once as data for the one read-rule evaluator (access/rule.ts), compiled to SQL
// by the server for lists. Never above the reader's clearance, within his organisation; then the
// secrecy officer (the registry) or a leader, the person holding it now, or anyone in its knowledge scope.
import type { ReadPredicate } from '../access/rule.ts';

export const CARRIER_READ: ReadPredicate = {
  all: [
    { clearanceCovers: true },
    { sameOrg: true },
    {
      any: [{ hasRole: ['secrecy_officer', 'leader'] }, { isHandler: true }, { inScope: true }],
    },
  ],
};
