// The web modules, one line each. The router, the side menu, the 403 guard and the UI dictionary
// all read this list (through app/registry.ts); adding a module is its folder under modules/
// and one line here. The order does not matter: menu entries carry their own `order`.
export { default as accounts } from './modules/accounts/module.tsx';
export { default as approvals } from './modules/approvals/module.tsx';
export { default as audit } from './modules/audit/module.tsx';
export { default as backups } from './modules/backups/module.tsx';
export { default as carriers } from './modules/carriers/module.tsx';
export { default as designation } from './modules/designation/module.tsx';
export { default as foreign } from './modules/foreign/module.tsx';
export { default as home } from './modules/home/module.tsx';
export { default as incidents } from './modules/incidents/module.tsx';
export { default as orgs } from './modules/orgs/module.tsx';
export { default as people } from './modules/people/module.ts';
export { default as personnel } from './modules/personnel/module.tsx';
export { default as review } from './modules/review/module.tsx';
export { default as roles } from './modules/roles/module.tsx';
export { default as security } from './modules/security/module.tsx';
export { default as settings } from './modules/settings/module.tsx';
export { default as workdays } from './modules/workdays/module.tsx';
