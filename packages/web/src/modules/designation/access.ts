import type { BusinessRole } from '@baomi/domain';
import type { Access } from '../../app/module.ts';

/** R-DES-08: the ledger's export and the review list (items.policy.ts `ledger`). */
export const LEDGER_ROLES: BusinessRole[] = ['secrecy_officer', 'designator', 'leader'];

export const business: Access = { roles: ['business'] };
export const ledger: Access = { roles: ['business'], businessRoles: LEDGER_ROLES };
