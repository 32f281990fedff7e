// The one list of modules. The application (routes), the job runner, the approval and todo
// registries, the error mapper and the demo seeder all read it. A new module is one line here
// (and one in packages/web/src/modules.ts).
import accounts from './accounts/module.ts';
import approvals from './approvals/module.ts';
import audit from './audit/module.ts';
import auth from './auth/module.ts';
import backups from './backups/module.ts';
import carriers from './carriers/module.ts';
import designation from './designation/module.ts';
import directory from './directory/module.ts';
import foreign from './foreign/module.ts';
import incidents from './incidents/module.ts';
import type { ServerModule } from './kit/module.ts';
import orgs from './orgs/module.ts';
import people from './people/module.ts';
import personnel from './personnel/module.ts';
import review from './review/module.ts';
import settings from './settings/module.ts';
import system from './system/module.ts';
import todos from './todos/module.ts';
import workdays from './workdays/module.ts';

export const MODULES: readonly ServerModule[] = [
  // the platform
  auth,
  system,
  orgs,
  people,
  accounts,
  settings,
  audit,
  todos,
  approvals,
  backups,
  directory,
  workdays,
  // business modules
  designation,
  carriers,
  incidents,
  personnel,
  foreign,
  review,
];
