// The authorization matrix over HTTP (R-SYS-01): every registered route × every kind of caller.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { base32Decode } from '@baomi/domain';
import { totp } from '@baomi/domain/twofactor/totp.ts';
import type { FastifyInstance } from 'fastify';
import { openApproval } from '../approvals/service.ts';
import { SYSTEM_ACTOR } from '../audit/chain.ts';
import { todayInChina } from '../kit/today.ts';
import {
  Client,
  createAccountConfirmed,
  createTestApp,
  type Response,
  STRONG,
  TEST_DB,
  type TestApp,
  testClock,
} from '../testing/harness.ts';
import { buildApp } from './app.ts';

type Who = 'sysadmin' | 'secadmin' | 'auditor' | 'user' | 'anon';
const WHO: Who[] = ['sysadmin', 'secadmin', 'auditor', 'user', 'anon'];
type Err = { error: { code: string; zh: string; en: string; rule?: string } };

// R-SYS-01. sysadmin: accounts, organisation structure, people roster, backups, settings read, his own
// audit events. secadmin: roles and clearances, the security policy, reading orgs and people, reading and
// exporting the audit trail (ordinary users + auditor). auditor: the audit trail (read, export, verify,
// checkpoint). user (a business user with role staff): todos, me, the settings read. anon: login and
// /api/system/info only.
// 2xx = allowed and succeeds; 401 / 403 exactly. Notes:
//  - GET /api/settings/security is read by every signed-in account: the web session takes the idle
//    timeout and the password rules from it (administrators and users through two policy actions).
//  - GET /api/openapi.json is the public API description (no data).
//  - POST /api/auth/login: each cell signs in with that caller's own credentials from a new client
//    (anon: the business user's), so every cell is an anonymous request.
//  - 404: the policy allows the caller, but the record is not his to see (an approval he takes no
//    part in): not found, never a hint that it exists.
//  - The work calendar (GET /api/workdays…) is read by every signed-in account; only the business role
//    secrecy_officer changes it (none of the callers here: workdays/workdays.api.test.ts covers it).
//  - Designation set-up (/api/designation/…) is business work: reads for every business user (of his
//    own organisation), changes by leader/designator/secrecy_officer (none of the callers here:
//    designation/*.api.test.ts covers them). f.designator is the statutory designator of the user's
//    organisation (leader + designator), whom may-decide asks about.
//  - Designation items (/api/designation/items…): any business user drafts and reads within his
//    organisation (404 for an id that is not an item of it); corrections are the designator's, export
//    and the review list the secrecy officer's, designator's or leader's (designation/items.api.test.ts).
//  - Yearly designation statistics (/api/designation/stats/{table}…): the policy admits business users;
//    the service admits the secrecy officer, designators and leaders, and a secrecy bureau's users (the
//    matrix user is staff of an ordinary unit: 403, R-SYS-01; designation/stats.api.test.ts covers them).
//  - Personnel, core part (/api/personnel/ledger, /people…, /key-sites…): any business user reads the
//    ledger (his personnelReadScope) and the key sites; a record by the domain's read rule (an unknown
//    id 404); writes and the candidates are the secrecy officer's, the export the officer's or a
//    leader's (personnel/core.api.test.ts covers them).
//  - Carriers (/api/carriers…): any business user reads the ledger (the read rule filters it) and
//    where his own carriers are; the registry (secrecy officer) registers, the secrecy officer or a
//    leader exports and sees others' custody (carriers/carriers.api.test.ts covers them).
//  - Inventory campaigns (/api/carriers/campaigns…, R-CAR-09): any business user lists those he answers
//    for and confirms his own carriers (404 for a campaign that is not his); the secrecy officer opens,
//    closes and marks found, the secrecy officer or a leader exports (carriers/campaigns.api.test.ts).
//  - Leak incidents (/api/incidents…, R-INC-01): any business user asks, the read rule filters; the
//    secrecy officer or a leader records the report (incidents/incidents.api.test.ts).
//  - Personnel training (/api/personnel/training…, /matters…, /assessments…; R-PER-04/05/07): a business
//    user reads the policy, his own hours, reports and assessments (the personnel read rule scopes the
//    lists), and reports his own major matters (the matrix user holds a classified post); the secrecy
//    officer keeps sessions, reviews and assessments; the officer or a leader reads the sessions list
//    (personnel/training.api.test.ts covers them).
//  - The directory (GET /api/directory): a business user's own organisation's people and departments
//    and the organisations below it, for the designation forms (directory/directory.api.test.ts).
//  - A business account's password reset is under dual control: the sysadmin requests (POST
//    …/reset-password) or withdraws it, the secadmin confirms or rejects it; both list the requests.
//    Each cell decides a fresh request (accounts/reset.api.test.ts covers the flow).
//  - Two-factor sign-in (R-SYS-02): everyone manages his own factors (the matrix user has a TOTP token
//    too, so the anonymous second step signs him in); registering a security key needs a real
//    authenticator, so every signed-in cell gets past authorization to 400 webauthn_failed (the
//    browser test registers one). A business user's factor reset is under dual control: the secadmin
//    requests, the sysadmin confirms or rejects; both list the requests (auth/twofactor.api.test.ts).
//  - GET /api/todos: each administrator reads his own administrative todos and alerts (never a business
//    todo); POST /api/todos/{id}/done on the business user's notice is a 404 to them.
//  - POST /api/backups and GET /api/backups/{name} on a PostgreSQL server answer 409 use_pg_dump to the
//    sysadmin (pg_dump is the tool there): authorized, and counted as success.
//  - The backup key (/api/backups/key): its fingerprint is read by the sysadmin and the secadmin; only
//    the secadmin sets it (R-SYS-01: the sysadmin makes backups but can never read them). Each cell
//    of PUT changes it with the current passphrase.
//  - Personnel, exit part (/api/personnel/exits…, /api/personnel/passports…, R-PER-06a): a business user
//    reads his own trips (the read rule), applies for himself (here for an unknown person: 404) and
//    reports back on his own (404: not his); the secrecy officer keeps
//    briefings, passports, notes and the policy; the secrecy officer or a leader exports
//    (personnel/exit.api.test.ts covers them).
//  - Foreign affairs, visitors & materials part (/api/foreign/visitors…, /visits…, /materials…,
//    R-FOR-05/06/07): any business user reads what the read rule lets him (lists), registers visitors
//    and visits (here a visit of an unknown visitor: 404) and materials (of an unknown activity: 404);
//    a record by the domain's read rule (an unknown id 404); the secrecy officer or a leader exports
//    (foreign/visitor.api.test.ts covers them).
//  - Foreign affairs, activities part (/api/foreign/activities…, R-FOR-01…04/08): a business user reads
//    the ledger (his activityReadScope) and the rules; an unknown activity answers 404; the secrecy
//    officer alone registers briefings, papers and the closing check, sets the rules; the officer, a
//    leader or a department head exports (foreign/activity.api.test.ts covers them).
const MATRIX = `
route                                           sysadmin secadmin auditor user anon
POST   /api/auth/login                          2xx      2xx      2xx     2xx  2xx
POST   /api/auth/logout                         2xx      2xx      2xx     2xx  401
GET    /api/auth/me                             2xx      2xx      2xx     2xx  401
POST   /api/auth/change-password                2xx      2xx      2xx     2xx  401
POST   /api/auth/login/second-factor            2xx      2xx      2xx     2xx  2xx
GET    /api/auth/second-factors                 2xx      2xx      2xx     2xx  401
POST   /api/auth/second-factors/totp            2xx      2xx      2xx     2xx  401
POST   /api/auth/second-factors/totp/confirm    2xx      2xx      2xx     2xx  401
POST   /api/auth/second-factors/webauthn/options 2xx     2xx      2xx     2xx  401
POST   /api/auth/second-factors/webauthn        400      400      400     400  401
DELETE /api/auth/second-factors/{id}            2xx      2xx      2xx     2xx  401
POST   /api/auth/second-factors/recovery-codes  2xx      2xx      2xx     2xx  401
GET    /api/auth/second-factor-resets           2xx      2xx      403     403  401
POST   /api/auth/second-factor-resets           403      2xx      403     403  401
POST   /api/auth/second-factor-resets/{id}/confirm 2xx   403      403     403  401
POST   /api/auth/second-factor-resets/{id}/reject  2xx   403      403     403  401
GET    /api/system/info                         2xx      2xx      2xx     2xx  2xx
GET    /api/openapi.json                        2xx      2xx      2xx     2xx  2xx
GET    /api/health                              2xx      2xx      2xx     2xx  2xx
GET    /api/ready                               2xx      2xx      2xx     2xx  2xx
GET    /api/orgs                                2xx      2xx      403     403  401
POST   /api/orgs                                2xx      403      403     403  401
PATCH  /api/orgs/{id}                           2xx      403      403     403  401
DELETE /api/orgs/{id}                           2xx      403      403     403  401
GET    /api/orgs/{id}/departments               2xx      2xx      403     403  401
POST   /api/orgs/{id}/departments               2xx      403      403     403  401
PATCH  /api/departments/{id}                    2xx      403      403     403  401
DELETE /api/departments/{id}                    2xx      403      403     403  401
GET    /api/people                              2xx      2xx      403     403  401
POST   /api/people                              2xx      403      403     403  401
GET    /api/people/export                       2xx      2xx      403     403  401
PATCH  /api/people/{id}                         2xx      403      403     403  401
PUT    /api/people/{id}/roles                   403      2xx      403     403  401
PUT    /api/people/{id}/clearance               403      2xx      403     403  401
GET    /api/accounts                            2xx      403      403     403  401
POST   /api/accounts                            2xx      403      403     403  401
POST   /api/accounts/{id}/reset-password        2xx      403      403     403  401
POST   /api/accounts/{id}/disable               2xx      403      403     403  401
POST   /api/accounts/{id}/enable                2xx      403      403     403  401
POST   /api/accounts/{id}/unlock                2xx      403      403     403  401
GET    /api/accounts/password-resets            2xx      2xx      403     403  401
POST   /api/accounts/password-resets/{id}/confirm 403    2xx      403     403  401
POST   /api/accounts/password-resets/{id}/reject  403    2xx      403     403  401
POST   /api/accounts/password-resets/{id}/withdraw 2xx   403      403     403  401
GET    /api/settings/security                   2xx      2xx      2xx     2xx  401
PUT    /api/settings/security                   403      2xx      403     403  401
GET    /api/audit                               2xx      2xx      2xx     403  401
GET    /api/audit/export                        403      2xx      2xx     403  401
GET    /api/audit/actions                       2xx      2xx      2xx     403  401
GET    /api/audit/checkpoint                    403      403      2xx     403  401
POST   /api/audit/verify                        403      403      2xx     403  401
GET    /api/todos                               2xx      2xx      2xx     2xx  401
POST   /api/todos/{id}/done                     404      404      404     2xx  401
GET    /api/backups                             2xx      403      403     403  401
POST   /api/backups                             2xx      403      403     403  401
GET    /api/backups/{name}                      2xx      403      403     403  401
GET    /api/backups/key                         2xx      2xx      403     403  401
PUT    /api/backups/key                         403      2xx      403     403  401
GET    /api/approvals                           403      403      403     2xx  401
GET    /api/approvals/{id}                      403      403      403     2xx  401
POST   /api/approvals/{id}/decide               403      403      403     404  401
POST   /api/approvals/{id}/withdraw             403      403      403     2xx  401
GET    /api/workdays                            2xx      2xx      2xx     2xx  401
GET    /api/workdays/add                        2xx      2xx      2xx     2xx  401
GET    /api/workdays/print                      2xx      2xx      2xx     2xx  401
PUT    /api/workdays/{date}                     403      403      403     403  401
DELETE /api/workdays/{date}                     403      403      403     403  401
GET    /api/designation/authority                      403      403      403     2xx  401
GET    /api/designation/grants                         403      403      403     2xx  401
POST   /api/designation/grants                         403      403      403     403  401
PATCH  /api/designation/grants/{id}/filing             403      403      403     403  401
POST   /api/designation/grants/{id}/revoke             403      403      403     403  401
GET    /api/designation/designators                    403      403      403     2xx  401
POST   /api/designation/designators                    403      403      403     403  401
GET    /api/designation/designators/{personId}/may-decide 403   403      403     2xx  401
POST   /api/designation/designators/{personId}/absences 403     403      403     403  401
POST   /api/designation/absences/{id}/cancel           403      403      403     403  401
GET    /api/designation/catalogue                      403      403      403     2xx  401
POST   /api/designation/catalogue                      403      403      403     403  401
PATCH  /api/designation/catalogue/{id}                 403      403      403     403  401
GET    /api/designation/items                          403      403      403     2xx  401
POST   /api/designation/items                          403      403      403     2xx  401
GET    /api/designation/items/export                   403      403      403     403  401
GET    /api/designation/items/review                   403      403      403     403  401
GET    /api/designation/items/expiring                 403      403      403     403  401
GET    /api/designation/items/{id}                     403      403      403     404  401
PUT    /api/designation/items/{id}                     403      403      403     404  401
POST   /api/designation/items/{id}/submit              403      403      403     404  401
POST   /api/designation/items/{id}/correct             403      403      403     403  401
POST   /api/designation/items/{id}/changes             403      403      403     404  401
GET    /api/designation/items/{id}/knowers             403      403      403     404  401
GET    /api/designation/items/{id}/approvals/{approvalId} 403   403      403     404  401
GET    /api/designation/items/{id}/form.pdf            403      403      403     404  401
POST   /api/designation/items/{id}/review              403      403      403     403  401
GET    /api/designation/stats/{table}                  403      403      403     403  401
GET    /api/designation/stats/{table}/export           403      403      403     403  401
GET    /api/directory                                  403      403      403     2xx  401
GET    /api/carriers                                   403      403      403     2xx  401
GET    /api/carriers/export                            403      403      403     403  401
GET    /api/carriers/where                             403      403      403     2xx  401
GET    /api/carriers/custody/{personId}                403      403      403     403  401
GET    /api/carriers/{id}                              403      403      403     404  401
POST   /api/carriers/receive                           403      403      403     403  401
POST   /api/carriers/produce                           403      403      403     403  401
POST   /api/carriers/{id}/loan                         403      403      403     403  401
POST   /api/carriers/{id}/return                       403      403      403     403  401
POST   /api/carriers/{id}/extend                       403      403      403     403  401
POST   /api/carriers/destructions                      403      403      403     403  401
GET    /api/carriers/destructions/{id}                 403      403      403     404  401
POST   /api/carriers/destructions/{id}/destroy         403      403      403     403  401
POST   /api/carriers/{id}/copy-requests                403      403      403     403  401
GET    /api/carriers/copy-requests/{id}                403      403      403     404  401
POST   /api/carriers/copy-requests/{id}/make           403      403      403     403  401
POST   /api/carriers/{id}/take-outs                    403      403      403     403  401
GET    /api/carriers/take-outs/{id}                    403      403      403     404  401
POST   /api/carriers/take-outs/{id}/out                403      403      403     403  401
POST   /api/carriers/{id}/bring-back                   403      403      403     403  401
POST   /api/carriers/handovers                         403      403      403     403  401
POST   /api/carriers/{id}/widen                        403      403      403     403  401
GET    /api/carriers/campaigns                         403      403      403     2xx  401
POST   /api/carriers/campaigns                         403      403      403     403  401
GET    /api/carriers/campaigns/{id}                    403      403      403     404  401
POST   /api/carriers/campaigns/{id}/items/{carrierId}/confirm 403 403    403     404  401
POST   /api/carriers/campaigns/{id}/close              403      403      403     403  401
GET    /api/carriers/campaigns/{id}/export             403      403      403     403  401
POST   /api/carriers/{id}/found                        403      403      403     403  401
GET    /api/incidents                                  403      403      403     2xx  401
GET    /api/incidents/{id}                             403      403      403     404  401
POST   /api/incidents/{id}/report                      403      403      403     403  401
GET    /api/carriers/import/template                   403      403      403     403  401
POST   /api/carriers/import/preview                    403      403      403     403  401
POST   /api/carriers/import                            403      403      403     403  401
GET    /api/carriers/labels                            403      403      403     404  401
POST   /api/carriers/send-outs                         403      403      403     403  401
GET    /api/carriers/custody/{personId}/handover.pdf   403      403      403     403  401
POST   /api/carriers/{id}/medium-uses                  403      403      403     403  401
GET    /api/personnel/commitments/people/{personId}    403      403      403     2xx  401
POST   /api/personnel/commitments/people/{personId}    403      403      403     403  401
GET    /api/personnel/commitments/people/{personId}/form.pdf 403 403     403     2xx  401
GET    /api/personnel/leavings                         403      403      403     2xx  401
POST   /api/personnel/leavings                         403      403      403     403  401
GET    /api/personnel/leavings/{id}                    403      403      403     404  401
POST   /api/personnel/leavings/{id}/items              403      403      403     403  401
POST   /api/personnel/leavings/{id}/approve            403      403      403     403  401
GET    /api/personnel/leavings/{id}/form.pdf           403      403      403     404  401
GET    /api/personnel/cooling-off                      403      403      403     2xx  401
GET    /api/personnel/cooling-off/export               403      403      403     403  401
GET    /api/personnel/cooling-off/policy               403      403      403     2xx  401
PUT    /api/personnel/cooling-off/policy               403      403      403     403  401
GET    /api/personnel/ledger                           403      403      403     2xx  401
GET    /api/personnel/ledger/export                    403      403      403     403  401
GET    /api/personnel/people/candidates                403      403      403     403  401
GET    /api/personnel/people/{personId}                403      403      403     404  401
GET    /api/personnel/people/{personId}/timeline       403      403      403     404  401
POST   /api/personnel/people/{personId}/posts          403      403      403     403  401
PATCH  /api/personnel/people/{personId}/posts/{postId} 403      403      403     403  401
POST   /api/personnel/people/{personId}/vettings       403      403      403     403  401
POST   /api/personnel/people/{personId}/facts          403      403      403     403  401
POST   /api/personnel/people/{personId}/facts/{factId}/end 403  403      403     403  401
GET    /api/personnel/key-sites                        403      403      403     2xx  401
POST   /api/personnel/key-sites                        403      403      403     403  401
PATCH  /api/personnel/key-sites/{id}                   403      403      403     403  401
GET    /api/personnel/training/policy                  403      403      403     2xx  401
PUT    /api/personnel/training/policy                  403      403      403     403  401
GET    /api/personnel/training/sessions                403      403      403     403  401
POST   /api/personnel/training/sessions                403      403      403     403  401
GET    /api/personnel/training/sessions/{id}           403      403      403     403  401
PATCH  /api/personnel/training/sessions/{id}           403      403      403     403  401
PUT    /api/personnel/training/sessions/{id}/attendees 403      403      403     403  401
GET    /api/personnel/training/shortfall               403      403      403     2xx  401
GET    /api/personnel/training/shortfall/export        403      403      403     403  401
GET    /api/personnel/training/people/{personId}       403      403      403     2xx  401
GET    /api/personnel/matters                          403      403      403     2xx  401
POST   /api/personnel/matters                          403      403      403     2xx  401
GET    /api/personnel/matters/{id}                     403      403      403     404  401
POST   /api/personnel/matters/{id}/review              403      403      403     403  401
GET    /api/personnel/assessments                      403      403      403     2xx  401
POST   /api/personnel/assessments                      403      403      403     403  401
GET    /api/personnel/assessments/{id}/sheet.pdf       403      403      403     404  401
GET    /api/personnel/exits                            403      403      403     2xx  401
GET    /api/personnel/exits/export                     403      403      403     403  401
POST   /api/personnel/exits                            403      403      403     404  401
GET    /api/personnel/exits/policy                     403      403      403     2xx  401
PUT    /api/personnel/exits/policy                     403      403      403     403  401
GET    /api/personnel/exits/briefings                  403      403      403     2xx  401
POST   /api/personnel/exits/briefings                  403      403      403     403  401
POST   /api/personnel/exits/briefings/{id}/sign        403      403      403     403  401
GET    /api/personnel/exits/briefings/{id}/form.pdf    403      403      403     404  401
GET    /api/personnel/exits/{id}                       403      403      403     404  401
PUT    /api/personnel/exits/{id}                       403      403      403     404  401
GET    /api/personnel/exits/{id}/form.pdf              403      403      403     404  401
POST   /api/personnel/exits/{id}/return-report         403      403      403     404  401
POST   /api/personnel/exits/{id}/return-report/note    403      403      403     403  401
GET    /api/personnel/passports                        403      403      403     2xx  401
GET    /api/personnel/passports/export                 403      403      403     403  401
POST   /api/personnel/passports                        403      403      403     403  401
POST   /api/personnel/passports/{id}/lend              403      403      403     403  401
POST   /api/personnel/passports/{id}/return            403      403      403     403  401
GET    /api/foreign/visitors                          403      403      403     2xx  401
GET    /api/foreign/visitors/export                   403      403      403     403  401
POST   /api/foreign/visitors                          403      403      403     2xx  401
GET    /api/foreign/visitors/{id}                     403      403      403     404  401
PUT    /api/foreign/visitors/{id}                     403      403      403     404  401
GET    /api/foreign/key-sites                         403      403      403     2xx  401
GET    /api/foreign/visits                            403      403      403     2xx  401
POST   /api/foreign/visits                            403      403      403     404  401
GET    /api/foreign/visits/{id}                       403      403      403     404  401
POST   /api/foreign/visits/{id}/check-in              403      403      403     404  401
GET    /api/foreign/visits/{id}/sheet.pdf             403      403      403     404  401
GET    /api/foreign/materials                         403      403      403     2xx  401
GET    /api/foreign/materials/export                  403      403      403     403  401
POST   /api/foreign/materials                         403      403      403     404  401
GET    /api/foreign/materials/{id}                    403      403      403     404  401
PUT    /api/foreign/materials/{id}                    403      403      403     404  401
POST   /api/foreign/materials/{id}/review             403      403      403     404  401
POST   /api/foreign/materials/{id}/submit             403      403      403     404  401
POST   /api/foreign/materials/{id}/provide            403      403      403     404  401
POST   /api/foreign/materials/{id}/close              403      403      403     404  401
GET    /api/foreign/materials/{id}/form.pdf           403      403      403     404  401
GET    /api/review/terms                               403      403      403     403  401
POST   /api/review/terms/import                        403      403      403     403  401
POST   /api/review/terms                               403      403      403     403  401
PUT    /api/review/terms/{id}                          403      403      403     403  401
DELETE /api/review/terms/{id}                          403      403      403     403  401
GET    /api/review/settings                            403      403      403     2xx  401
GET    /api/review                                     403      403      403     2xx  401
GET    /api/review/export                              403      403      403     2xx  401
POST   /api/review                                     403      403      403     2xx  401
GET    /api/review/{id}                                403      403      403     404  401
POST   /api/review/{id}/files                          403      403      403     404  401
DELETE /api/review/{id}/files/{fileId}                 403      403      403     404  401
GET    /api/review/{id}/files/{fileId}                 403      403      403     404  401
POST   /api/review/{id}/submit                         403      403      403     404  401
POST   /api/review/{id}/withdraw                       403      403      403     404  401
POST   /api/review/{id}/decide                         403      403      403     403  401
GET    /api/review/{id}/form                           403      403      403     404  401
GET    /api/foreign/activities                         403      403      403     2xx  401
POST   /api/foreign/activities                         403      403      403     404  401
GET    /api/foreign/activities/export                  403      403      403     403  401
GET    /api/foreign/activities/settings                403      403      403     2xx  401
PUT    /api/foreign/activities/settings                403      403      403     403  401
GET    /api/foreign/activities/{id}                    403      403      403     404  401
PUT    /api/foreign/activities/{id}                    403      403      403     404  401
POST   /api/foreign/activities/{id}/submit             403      403      403     404  401
POST   /api/foreign/activities/{id}/start              403      403      403     404  401
POST   /api/foreign/activities/{id}/end                403      403      403     404  401
POST   /api/foreign/activities/{id}/close              403      403      403     404  401
POST   /api/foreign/activities/{id}/briefings          403      403      403     403  401
PUT    /api/foreign/activities/{id}/participants/{personId}/papers 403 403 403     403  401
PUT    /api/foreign/activities/{id}/leading-group      403      403      403     404  401
POST   /api/foreign/activities/{id}/inspection         403      403      403     404  401
PUT    /api/foreign/activities/{id}/wrap-up            403      403      403     404  401
POST   /api/foreign/activities/{id}/check              403      403      403     403  401
GET    /api/foreign/activities/{id}/plan.pdf           403      403      403     404  401
GET    /api/foreign/activities/{id}/briefings.pdf      403      403      403     404  401
`;

interface Row {
  method: string;
  path: string;
  expect: Record<Who, string>;
}

const ROWS: Row[] = MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [method, path, ...cells] = line.trim().split(/\s+/);
    assert.equal(cells.length, WHO.length, line);
    return {
      method: method!,
      path: path!,
      expect: Object.fromEntries(WHO.map((w, i) => [w, cells[i]!])) as Record<Who, string>,
    };
  });

const OTHER = 'An0ther!Passw0rd';
const BACKUP_PASS = 'Matrix-Backup-Pass-1';

describe('authorization matrix over HTTP (R-SYS-01)', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let backupDir: string;
  const c = {} as Record<Who, Client>;
  const names = {} as Record<Exclude<Who, 'anon'>, string>;
  const f = {
    org: '',
    dept: '',
    person: '',
    account: '',
    userAccount: '',
    backup: 'baomi-20250101-000000.sm4',
    backupPass: '',
    userPerson: '',
    approval: '',
    otherApproval: '',
    designator: '',
    policy: {} as Record<string, unknown>,
  };
  let allRoles: Client;
  let n = 0;
  const next = () => ++n;

  const fresh = async (who: Who): Promise<Client> => {
    const client = new Client(app);
    if (who !== 'anon') {
      const r = await client.login(names[who], STRONG);
      assert.equal(r.status, 200, r.raw);
    }
    return client;
  };
  const MAKE: Record<string, () => Promise<string>> = {
    // R-PER-05: the matrix user holds a classified post, so his own report is accepted.
    'POST /api/personnel/matters': async () => {
      await t.db.query(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, created_by_person_id)
         SELECT $1, $2, '矩阵岗位', 'general', '2020-01-01', $2
          WHERE NOT EXISTS (SELECT 1 FROM personnel_post WHERE person_id = $2)`,
        [f.org, f.userPerson],
      );
      return '';
    },
    'DELETE /api/orgs/{id}': async () =>
      (
        await c.sysadmin.post<{ id: string }>('/api/orgs', {
          name: `待删单位${next()}`,
          parentId: null,
          level: 'county',
          kind: 'enterprise',
        })
      ).body.id,
    'POST /api/approvals/{id}/withdraw': async () => openFor(f.userPerson),
    'POST /api/todos/{id}/done': async () =>
      (
        await t.db.query<{ id: string }>(
          `INSERT INTO todo (account_id, kind, module, title) VALUES ($1, 'notice', 'test', '矩阵通知') RETURNING id`,
          [f.userAccount],
        )
      ).rows[0]!.id,
    'POST /api/accounts/password-resets/{id}/confirm': async () => resetRequest(),
    'POST /api/accounts/password-resets/{id}/reject': async () => resetRequest(),
    'POST /api/accounts/password-resets/{id}/withdraw': async () => resetRequest(),
    'POST /api/auth/second-factor-resets': async () => factorResetTarget(),
    'POST /api/auth/second-factor-resets/{id}/confirm': async () => factorResetRequest(),
    'POST /api/auth/second-factor-resets/{id}/reject': async () => factorResetRequest(),
    'DELETE /api/departments/{id}': async () =>
      (await c.sysadmin.post<{ id: string }>(`/api/orgs/${f.org}/departments`, { name: `待删部门${next()}` }))
        .body.id,
  };

  // How each route is called by one caller; the matrix gives the expected outcome.
  // A call may take a fresh object made first (not counted in the caller's audit check).
  const CALLS: Record<string, (cl: Client, who: Who, made: string) => Promise<Response<unknown>>> = {
    'POST /api/auth/login': async (_cl, who) =>
      new Client(app).login(who === 'anon' ? names.user : names[who], STRONG),
    'POST /api/auth/logout': async (_cl, who) => (await fresh(who)).post('/api/auth/logout'),
    'GET /api/auth/me': (cl) => cl.get('/api/auth/me'),
    'POST /api/auth/login/second-factor': async (_cl, who) => {
      const client = new Client(app);
      const name = who === 'anon' ? names.user : names[who];
      const r = await client.post<{ secondFactor: { token: string } }>('/api/auth/login', {
        username: name,
        password: STRONG,
      });
      assert.ok(r.body.secondFactor, r.raw);
      return client.post('/api/auth/login/second-factor', {
        token: r.body.secondFactor.token,
        code: client.wallet.code(name),
      });
    },
    'GET /api/auth/second-factors': (cl) => cl.get('/api/auth/second-factors'),
    'POST /api/auth/second-factors/totp': (cl) =>
      cl.post('/api/auth/second-factors/totp', { algorithm: 'SHA1' }),
    'POST /api/auth/second-factors/totp/confirm': (cl) => confirmTotp(cl),
    'POST /api/auth/second-factors/webauthn/options': (cl) =>
      cl.post('/api/auth/second-factors/webauthn/options'),
    'POST /api/auth/second-factors/webauthn': async (cl) => {
      await cl.post('/api/auth/second-factors/webauthn/options');
      return cl.post('/api/auth/second-factors/webauthn', { response: { id: 'x', type: 'public-key' } });
    },
    'DELETE /api/auth/second-factors/{id}': async (cl) => {
      const made = await confirmTotp(cl);
      const id =
        (made.body as { factor?: { id: string } }).factor?.id ?? '00000000-0000-4000-8000-000000000000';
      return cl.delete(`/api/auth/second-factors/${id}`);
    },
    'POST /api/auth/second-factors/recovery-codes': (cl) =>
      cl.post('/api/auth/second-factors/recovery-codes'),
    'GET /api/auth/second-factor-resets': (cl) => cl.get('/api/auth/second-factor-resets'),
    'POST /api/auth/second-factor-resets': (cl, _who, made) =>
      cl.post('/api/auth/second-factor-resets', { username: made }),
    'POST /api/auth/second-factor-resets/{id}/confirm': (cl, _who, made) =>
      cl.post(`/api/auth/second-factor-resets/${made}/confirm`),
    'POST /api/auth/second-factor-resets/{id}/reject': (cl, _who, made) =>
      cl.post(`/api/auth/second-factor-resets/${made}/reject`),
    'POST /api/auth/change-password': async (cl) => {
      const r = await cl.post('/api/auth/change-password', { oldPassword: STRONG, newPassword: OTHER });
      if (r.status === 200) {
        const back = await cl.post('/api/auth/change-password', { oldPassword: OTHER, newPassword: STRONG });
        assert.equal(back.status, 200, back.raw);
      }
      return r;
    },
    'GET /api/system/info': (cl) => cl.get('/api/system/info'),
    'GET /api/health': (cl) => cl.get('/api/health'),
    'GET /api/ready': (cl) => cl.get('/api/ready'),
    'GET /api/openapi.json': (cl) => cl.get('/api/openapi.json'),
    'GET /api/orgs': (cl) => cl.get('/api/orgs'),
    'POST /api/orgs': (cl) =>
      cl.post('/api/orgs', {
        name: `矩阵单位${next()}`,
        parentId: null,
        level: 'county',
        kind: 'enterprise',
      }),
    'PATCH /api/orgs/{id}': (cl) => cl.patch(`/api/orgs/${f.org}`, { name: `矩阵改名${next()}` }),
    'DELETE /api/orgs/{id}': (cl, _who, made) => cl.delete(`/api/orgs/${made}`),
    'GET /api/orgs/{id}/departments': (cl) => cl.get(`/api/orgs/${f.org}/departments`),
    'POST /api/orgs/{id}/departments': (cl) =>
      cl.post(`/api/orgs/${f.org}/departments`, { name: `矩阵部门${next()}` }),
    'PATCH /api/departments/{id}': (cl) =>
      cl.patch(`/api/departments/${f.dept}`, { name: `部门改名${next()}` }),
    'DELETE /api/departments/{id}': (cl, _who, made) => cl.delete(`/api/departments/${made}`),
    'GET /api/people': (cl) => cl.get('/api/people'),
    'POST /api/people': (cl) =>
      cl.post('/api/people', { orgId: f.org, name: `矩阵人员${next()}`, rank: 'other' }),
    'GET /api/people/export': (cl) => cl.get('/api/people/export?format=csv'),
    'PATCH /api/people/{id}': (cl) => cl.patch(`/api/people/${f.person}`, { position: `职务${next()}` }),
    'PUT /api/people/{id}/roles': (cl) => cl.put(`/api/people/${f.person}/roles`, { roles: ['staff'] }),
    'PUT /api/people/{id}/clearance': (cl) =>
      cl.put(`/api/people/${f.person}/clearance`, { clearance: 'confidential' }),
    'GET /api/accounts': (cl) => cl.get('/api/accounts'),
    'POST /api/accounts': (cl) =>
      cl.post('/api/accounts', { username: `matrix${next()}`, displayName: '矩阵' }),
    'POST /api/accounts/{id}/reset-password': (cl) => cl.post(`/api/accounts/${f.account}/reset-password`),
    'POST /api/accounts/{id}/disable': (cl) => cl.post(`/api/accounts/${f.account}/disable`),
    'POST /api/accounts/{id}/enable': (cl) => cl.post(`/api/accounts/${f.account}/enable`),
    'POST /api/accounts/{id}/unlock': (cl) => cl.post(`/api/accounts/${f.account}/unlock`),
    'GET /api/accounts/password-resets': (cl) => cl.get('/api/accounts/password-resets'),
    'POST /api/accounts/password-resets/{id}/confirm': (cl, _who, made) =>
      cl.post(`/api/accounts/password-resets/${made}/confirm`),
    'POST /api/accounts/password-resets/{id}/reject': (cl, _who, made) =>
      cl.post(`/api/accounts/password-resets/${made}/reject`),
    'POST /api/accounts/password-resets/{id}/withdraw': (cl, _who, made) =>
      cl.post(`/api/accounts/password-resets/${made}/withdraw`),
    'GET /api/settings/security': (cl) => cl.get('/api/settings/security'),
    'PUT /api/settings/security': (cl) => cl.put('/api/settings/security', f.policy),
    'GET /api/audit': (cl) => cl.get('/api/audit'),
    'GET /api/audit/export': (cl) => cl.get('/api/audit/export?format=csv'),
    'GET /api/audit/actions': (cl) => cl.get('/api/audit/actions'),
    'GET /api/audit/checkpoint': (cl) => cl.get('/api/audit/checkpoint'),
    'POST /api/audit/verify': (cl) => cl.post('/api/audit/verify', {}),
    'GET /api/todos': (cl) => cl.get('/api/todos'),
    'POST /api/todos/{id}/done': (cl, _who, made) => cl.post(`/api/todos/${made}/done`),
    'GET /api/backups': (cl) => cl.get('/api/backups'),
    'POST /api/backups': (cl) => cl.post('/api/backups'),
    'GET /api/backups/{name}': (cl) => cl.get(`/api/backups/${f.backup}`),
    'GET /api/backups/key': (cl) => cl.get('/api/backups/key'),
    'PUT /api/backups/key': (cl) => {
      const next = f.backupPass === BACKUP_PASS ? `${BACKUP_PASS}-2` : BACKUP_PASS;
      return cl.put('/api/backups/key', { passphrase: next, currentPassphrase: f.backupPass }).then((r) => {
        if (r.status === 200) f.backupPass = next;
        return r;
      });
    },
    'GET /api/approvals': (cl) => cl.get('/api/approvals'),
    'GET /api/approvals/{id}': (cl) => cl.get(`/api/approvals/${f.approval}`),
    'POST /api/approvals/{id}/decide': (cl) =>
      cl.post(`/api/approvals/${f.otherApproval}/decide`, { decision: 'opinion' }),
    'POST /api/approvals/{id}/withdraw': (cl, _who, made) => cl.post(`/api/approvals/${made}/withdraw`),
    'GET /api/workdays': (cl) => cl.get('/api/workdays?year=2026'),
    'GET /api/workdays/add': (cl) => cl.get('/api/workdays/add?from=2026-03-02&n=5'),
    'GET /api/workdays/print': (cl) => cl.get('/api/workdays/print?year=2026'),
    'PUT /api/workdays/{date}': (cl) =>
      cl.put('/api/workdays/2026-10-01', { kind: 'holiday', name: '国庆节' }),
    'DELETE /api/workdays/{date}': (cl) => cl.delete('/api/workdays/2026-10-01'),
    'GET /api/designation/authority': (cl) =>
      cl.get(`/api/designation/authority?orgId=${f.org}&level=secret&kind=original`),
    'GET /api/designation/grants': (cl) => cl.get('/api/designation/grants'),
    'POST /api/designation/grants': (cl) =>
      cl.post('/api/designation/grants', {
        granteeOrgId: f.org,
        level: 'confidential',
        scope: '矩阵',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        reasons: '矩阵',
        letterNumber: `矩阵${next()}`,
      }),
    'PATCH /api/designation/grants/{id}/filing': (cl) =>
      cl.patch(`/api/designation/grants/${f.org}/filing`, { filedWithBureauAt: '2026-01-01' }),
    'POST /api/designation/grants/{id}/revoke': (cl) =>
      cl.post(`/api/designation/grants/${f.org}/revoke`, { reason: '矩阵' }),
    'GET /api/designation/designators': (cl) => cl.get('/api/designation/designators'),
    'POST /api/designation/designators': (cl) =>
      cl.post('/api/designation/designators', {
        personId: f.person,
        role: 'A',
        letterRef: '矩阵',
        certificateNumber: '矩阵',
        certificateValidUntil: '2099-12-31',
        vetted: true,
      }),
    'GET /api/designation/designators/{personId}/may-decide': (cl) =>
      cl.get(`/api/designation/designators/${f.designator}/may-decide`),
    'POST /api/designation/designators/{personId}/absences': (cl) =>
      cl.post(`/api/designation/designators/${f.designator}/absences`, {
        reason: '矩阵',
        from: '2026-01-01',
        to: '2026-01-02',
      }),
    'POST /api/designation/absences/{id}/cancel': (cl) =>
      cl.post(`/api/designation/absences/${f.org}/cancel`),
    'GET /api/designation/catalogue': (cl) => cl.get('/api/designation/catalogue'),
    'POST /api/designation/catalogue': (cl) =>
      cl.post('/api/designation/catalogue', { clause: `矩阵${next()}`, title: '矩阵', maxLevel: 'secret' }),
    'PATCH /api/designation/catalogue/{id}': (cl) =>
      cl.patch(`/api/designation/catalogue/${f.org}`, { title: '矩阵' }),
    'GET /api/designation/items': (cl) => cl.get('/api/designation/items'),
    'POST /api/designation/items': (cl) => cl.post('/api/designation/items', itemBody()),
    'GET /api/designation/items/export': (cl) => cl.get('/api/designation/items/export?format=csv'),
    'GET /api/designation/items/review': (cl) => cl.get('/api/designation/items/review?horizon=30'),
    'GET /api/designation/items/expiring': (cl) => cl.get('/api/designation/items/expiring?window=30'),
    'GET /api/designation/items/{id}': (cl) => cl.get(`/api/designation/items/${f.org}`),
    'GET /api/designation/items/{id}/approvals/{approvalId}': (cl) =>
      cl.get(`/api/designation/items/${f.org}/approvals/${f.org}`),
    'PUT /api/designation/items/{id}': (cl) => cl.put(`/api/designation/items/${f.org}`, itemBody()),
    'POST /api/designation/items/{id}/submit': (cl) => cl.post(`/api/designation/items/${f.org}/submit`, {}),
    'POST /api/designation/items/{id}/correct': (cl) =>
      cl.post(`/api/designation/items/${f.org}/correct`, {
        level: 'confidential',
        period: { kind: 'years', n: 1 },
        knowScope: { personIds: [f.userPerson], departmentIds: [], positions: [] },
        note: '矩阵',
      }),
    'POST /api/designation/items/{id}/changes': (cl) =>
      cl.post(`/api/designation/items/${f.org}/changes`, { kind: 'release', reason: '矩阵' }),
    'GET /api/designation/items/{id}/knowers': (cl) => cl.get(`/api/designation/items/${f.org}/knowers`),
    'GET /api/designation/items/{id}/form.pdf': (cl) => cl.get(`/api/designation/items/${f.org}/form.pdf`),
    'POST /api/designation/items/{id}/review': (cl) =>
      cl.post(`/api/designation/items/${f.org}/review`, { note: '矩阵' }),
    'GET /api/designation/stats/{table}': (cl) => cl.get('/api/designation/stats/produced?year=2025'),
    'GET /api/designation/stats/{table}/export': (cl) =>
      cl.get('/api/designation/stats/changes/export?year=2025&format=csv'),
    'GET /api/directory': (cl) => cl.get('/api/directory'),
    'GET /api/carriers': (cl) => cl.get('/api/carriers'),
    'GET /api/carriers/export': (cl) => cl.get('/api/carriers/export?format=csv'),
    'GET /api/carriers/where': (cl) => cl.get(`/api/carriers/where?personId=${f.userPerson}`),
    'GET /api/carriers/custody/{personId}': (cl) => cl.get(`/api/carriers/custody/${f.userPerson}`),
    'GET /api/carriers/{id}': (cl) => cl.get(`/api/carriers/${f.org}`),
    'POST /api/carriers/receive': (cl) => cl.post('/api/carriers/receive', {}),
    'POST /api/carriers/produce': (cl) => cl.post('/api/carriers/produce', {}),
    'POST /api/carriers/{id}/loan': (cl) => cl.post(`/api/carriers/${f.org}/loan`, {}),
    'POST /api/carriers/{id}/return': (cl) => cl.post(`/api/carriers/${f.org}/return`, {}),
    'POST /api/carriers/{id}/extend': (cl) => cl.post(`/api/carriers/${f.org}/extend`, {}),
    'POST /api/carriers/destructions': (cl) => cl.post('/api/carriers/destructions', {}),
    'GET /api/carriers/destructions/{id}': (cl) => cl.get(`/api/carriers/destructions/${f.org}`),
    'POST /api/carriers/{id}/copy-requests': (cl) => cl.post(`/api/carriers/${f.org}/copy-requests`, {}),
    'GET /api/carriers/copy-requests/{id}': (cl) => cl.get(`/api/carriers/copy-requests/${f.org}`),
    'POST /api/carriers/copy-requests/{id}/make': (cl) =>
      cl.post(`/api/carriers/copy-requests/${f.org}/make`, {}),
    'POST /api/carriers/{id}/take-outs': (cl) => cl.post(`/api/carriers/${f.org}/take-outs`, {}),
    'GET /api/carriers/take-outs/{id}': (cl) => cl.get(`/api/carriers/take-outs/${f.org}`),
    'POST /api/carriers/take-outs/{id}/out': (cl) => cl.post(`/api/carriers/take-outs/${f.org}/out`, {}),
    'POST /api/carriers/{id}/bring-back': (cl) => cl.post(`/api/carriers/${f.org}/bring-back`, {}),
    'POST /api/carriers/{id}/widen': (cl) => cl.post(`/api/carriers/${f.org}/widen`, {}),
    'POST /api/carriers/handovers': (cl) => cl.post('/api/carriers/handovers', {}),
    'POST /api/carriers/send-outs': (cl) => cl.post('/api/carriers/send-outs', {}),
    'GET /api/carriers/custody/{personId}/handover.pdf': (cl) =>
      cl.get(`/api/carriers/custody/${f.userPerson}/handover.pdf`),
    'POST /api/carriers/{id}/medium-uses': (cl) => cl.post(`/api/carriers/${f.org}/medium-uses`, {}),
    // Personnel, part "leaving" (personnel/leaving.api.test.ts covers the record-level rules): the
    // matrix user reads his own commitments and prints his own form; no leaving is his (404).
    'GET /api/personnel/commitments/people/{personId}': (cl) =>
      cl.get(`/api/personnel/commitments/people/${f.userPerson}`),
    'POST /api/personnel/commitments/people/{personId}': (cl) =>
      cl.post(`/api/personnel/commitments/people/${f.userPerson}`, {
        kind: 'yearly',
        year: 2026,
        signedOn: '2026-01-05',
      }),
    'GET /api/personnel/commitments/people/{personId}/form.pdf': (cl) =>
      cl.get(`/api/personnel/commitments/people/${f.userPerson}/form.pdf?kind=yearly`),
    'GET /api/personnel/leavings': (cl) => cl.get('/api/personnel/leavings'),
    'POST /api/personnel/leavings': (cl) => cl.post('/api/personnel/leavings', { postId: f.org }),
    'GET /api/personnel/leavings/{id}': (cl) => cl.get(`/api/personnel/leavings/${f.org}`),
    'POST /api/personnel/leavings/{id}/items': (cl) =>
      cl.post(`/api/personnel/leavings/${f.org}/items`, { item: 'access_revoked', on: '2026-01-05' }),
    'POST /api/personnel/leavings/{id}/approve': (cl) =>
      cl.post(`/api/personnel/leavings/${f.org}/approve`, { approvedOn: '2026-01-05', approverName: '矩阵' }),
    'GET /api/personnel/leavings/{id}/form.pdf': (cl) => cl.get(`/api/personnel/leavings/${f.org}/form.pdf`),
    'GET /api/personnel/cooling-off': (cl) => cl.get('/api/personnel/cooling-off'),
    'GET /api/personnel/cooling-off/export': (cl) => cl.get('/api/personnel/cooling-off/export?format=csv'),
    'GET /api/personnel/cooling-off/policy': (cl) => cl.get('/api/personnel/cooling-off/policy'),
    'PUT /api/personnel/cooling-off/policy': (cl) =>
      cl.put('/api/personnel/cooling-off/policy', {
        coolingOff: { core: 36, important: 24, general: 12 },
        yearlyDueBy: '03-31',
      }),
    // personnel, core part
    'GET /api/personnel/ledger': (cl) => cl.get('/api/personnel/ledger'),
    'GET /api/personnel/ledger/export': (cl) => cl.get('/api/personnel/ledger/export?format=csv'),
    'GET /api/personnel/people/candidates': (cl) => cl.get('/api/personnel/people/candidates'),
    'GET /api/personnel/people/{personId}': (cl) => cl.get(`/api/personnel/people/${f.org}`),
    'GET /api/personnel/people/{personId}/timeline': (cl) =>
      cl.get(`/api/personnel/people/${f.org}/timeline`),
    'POST /api/personnel/people/{personId}/posts': (cl) =>
      cl.post(`/api/personnel/people/${f.person}/posts`, {}),
    'PATCH /api/personnel/people/{personId}/posts/{postId}': (cl) =>
      cl.patch(`/api/personnel/people/${f.person}/posts/${f.org}`, {}),
    'POST /api/personnel/people/{personId}/vettings': (cl) =>
      cl.post(`/api/personnel/people/${f.person}/vettings`, {}),
    'POST /api/personnel/people/{personId}/facts': (cl) =>
      cl.post(`/api/personnel/people/${f.person}/facts`, {}),
    'POST /api/personnel/people/{personId}/facts/{factId}/end': (cl) =>
      cl.post(`/api/personnel/people/${f.person}/facts/${f.org}/end`, {}),
    'GET /api/personnel/key-sites': (cl) => cl.get('/api/personnel/key-sites'),
    'POST /api/personnel/key-sites': (cl) => cl.post('/api/personnel/key-sites', {}),
    'PATCH /api/personnel/key-sites/{id}': (cl) => cl.patch(`/api/personnel/key-sites/${f.org}`, {}),
    'POST /api/carriers/destructions/{id}/destroy': (cl) =>
      cl.post(`/api/carriers/destructions/${f.org}/destroy`, {}),
    'GET /api/carriers/campaigns': (cl) => cl.get('/api/carriers/campaigns'),
    'POST /api/carriers/campaigns': (cl) => cl.post('/api/carriers/campaigns', {}),
    'GET /api/carriers/campaigns/{id}': (cl) => cl.get(`/api/carriers/campaigns/${f.org}`),
    'POST /api/carriers/campaigns/{id}/items/{carrierId}/confirm': (cl) =>
      cl.post(`/api/carriers/campaigns/${f.org}/items/${f.org}/confirm`, { result: 'found' }),
    'POST /api/carriers/campaigns/{id}/close': (cl) => cl.post(`/api/carriers/campaigns/${f.org}/close`, {}),
    'GET /api/carriers/campaigns/{id}/export': (cl) => cl.get(`/api/carriers/campaigns/${f.org}/export`),
    'POST /api/carriers/{id}/found': (cl) => cl.post(`/api/carriers/${f.org}/found`, {}),
    'GET /api/incidents': (cl) => cl.get('/api/incidents'),
    'GET /api/incidents/{id}': (cl) => cl.get(`/api/incidents/${f.org}`),
    'POST /api/incidents/{id}/report': (cl) => cl.post(`/api/incidents/${f.org}/report`, {}),
    // Personnel, part "training" (R-PER-04, R-PER-05, R-PER-07).
    'GET /api/personnel/training/policy': (cl) => cl.get('/api/personnel/training/policy'),
    'PUT /api/personnel/training/policy': (cl) =>
      cl.put('/api/personnel/training/policy', {
        minHours: 4,
        keySiteMinDays: 3,
        hoursPerDay: 6,
        remindFrom: '10-01',
      }),
    'GET /api/personnel/training/sessions': (cl) => cl.get('/api/personnel/training/sessions'),
    'POST /api/personnel/training/sessions': (cl) => cl.post('/api/personnel/training/sessions', {}),
    'GET /api/personnel/training/sessions/{id}': (cl) => cl.get(`/api/personnel/training/sessions/${f.org}`),
    'PATCH /api/personnel/training/sessions/{id}': (cl) =>
      cl.patch(`/api/personnel/training/sessions/${f.org}`, { hours: 1 }),
    'PUT /api/personnel/training/sessions/{id}/attendees': (cl) =>
      cl.put(`/api/personnel/training/sessions/${f.org}/attendees`, { attendeeIds: [] }),
    'GET /api/personnel/training/shortfall': (cl) => cl.get('/api/personnel/training/shortfall'),
    'GET /api/personnel/training/shortfall/export': (cl) =>
      cl.get('/api/personnel/training/shortfall/export'),
    'GET /api/personnel/training/people/{personId}': (cl) =>
      cl.get(`/api/personnel/training/people/${f.userPerson}`),
    'GET /api/personnel/matters': (cl) => cl.get('/api/personnel/matters'),
    'POST /api/personnel/matters': (cl) =>
      cl.post('/api/personnel/matters', {
        kind: 'relatives_abroad',
        occurredOn: '2024-05-01',
        description: '矩阵',
      }),
    'GET /api/personnel/matters/{id}': (cl) => cl.get(`/api/personnel/matters/${f.org}`),
    'POST /api/personnel/matters/{id}/review': (cl) =>
      cl.post(`/api/personnel/matters/${f.org}/review`, { opinion: '同意' }),
    'GET /api/personnel/assessments': (cl) => cl.get('/api/personnel/assessments'),
    'POST /api/personnel/assessments': (cl) => cl.post('/api/personnel/assessments', {}),
    'GET /api/personnel/assessments/{id}/sheet.pdf': (cl) =>
      cl.get(`/api/personnel/assessments/${f.org}/sheet.pdf`),
    'GET /api/carriers/import/template': (cl) => cl.get('/api/carriers/import/template'),
    'POST /api/carriers/import/preview': (cl) => cl.post('/api/carriers/import/preview?fileName=a.xlsx', {}),
    'POST /api/carriers/import': (cl) => cl.post('/api/carriers/import?fileName=a.xlsx', {}),
    'GET /api/carriers/labels': (cl) => cl.get('/api/carriers/labels'),
    // personnel, exit part
    'GET /api/personnel/exits': (cl) => cl.get('/api/personnel/exits'),
    'GET /api/personnel/exits/export': (cl) => cl.get('/api/personnel/exits/export?format=csv'),
    'POST /api/personnel/exits': (cl) => cl.post('/api/personnel/exits', { ...exitBody(), personId: f.org }),
    'GET /api/personnel/exits/policy': (cl) => cl.get('/api/personnel/exits/policy'),
    'PUT /api/personnel/exits/policy': (cl) =>
      cl.put('/api/personnel/exits/policy', {
        coolingOff: 'refuse',
        carriers: 'refuse',
        briefing: 'refuse',
        maxDaysAhead: 730,
        maxTripDays: 366,
        returnReportDays: 7,
      }),
    'GET /api/personnel/exits/briefings': (cl) => cl.get('/api/personnel/exits/briefings'),
    'POST /api/personnel/exits/briefings': (cl) => cl.post('/api/personnel/exits/briefings', {}),
    'POST /api/personnel/exits/briefings/{id}/sign': (cl) =>
      cl.post(`/api/personnel/exits/briefings/${f.org}/sign`, {}),
    'GET /api/personnel/exits/briefings/{id}/form.pdf': (cl) =>
      cl.get(`/api/personnel/exits/briefings/${f.org}/form.pdf`),
    'GET /api/personnel/exits/{id}': (cl) => cl.get(`/api/personnel/exits/${f.org}`),
    'PUT /api/personnel/exits/{id}': (cl) => {
      const { personId: _p, ...b } = exitBody();
      return cl.put(`/api/personnel/exits/${f.org}`, b);
    },
    'GET /api/personnel/exits/{id}/form.pdf': (cl) => cl.get(`/api/personnel/exits/${f.org}/form.pdf`),
    'POST /api/personnel/exits/{id}/return-report': (cl) =>
      cl.post(`/api/personnel/exits/${f.org}/return-report`, { text: '矩阵' }),
    'POST /api/personnel/exits/{id}/return-report/note': (cl) =>
      cl.post(`/api/personnel/exits/${f.org}/return-report/note`, {}),
    'GET /api/personnel/passports': (cl) => cl.get('/api/personnel/passports'),
    'GET /api/personnel/passports/export': (cl) => cl.get('/api/personnel/passports/export?format=csv'),
    'POST /api/personnel/passports': (cl) => cl.post('/api/personnel/passports', {}),
    'POST /api/personnel/passports/{id}/lend': (cl) =>
      cl.post(`/api/personnel/passports/${f.org}/lend`, { exitId: f.org }),
    'POST /api/personnel/passports/{id}/return': (cl) =>
      cl.post(`/api/personnel/passports/${f.org}/return`, { on: '2026-01-01' }),
    // foreign affairs, visitors & materials part
    'GET /api/foreign/visitors': (cl) => cl.get('/api/foreign/visitors'),
    'GET /api/foreign/visitors/export': (cl) => cl.get('/api/foreign/visitors/export?format=csv'),
    'POST /api/foreign/visitors': (cl) =>
      cl.post('/api/foreign/visitors', {
        name: `Matrix ${next()}`,
        nationality: '美国',
        docType: 'passport',
        docNumber: `MX${next()}${Date.now()}`.slice(0, 20),
      }),
    'GET /api/foreign/visitors/{id}': (cl) => cl.get(`/api/foreign/visitors/${f.org}`),
    'PUT /api/foreign/visitors/{id}': (cl) =>
      cl.put(`/api/foreign/visitors/${f.org}`, {
        name: '矩阵',
        nationality: '美国',
        docType: 'passport',
        docNumber: 'MX1',
      }),
    'GET /api/foreign/key-sites': (cl) => cl.get('/api/foreign/key-sites'),
    'GET /api/foreign/visits': (cl) => cl.get('/api/foreign/visits'),
    'POST /api/foreign/visits': (cl) =>
      cl.post('/api/foreign/visits', {
        visitorIds: [f.org],
        visitOn: todayInChina(),
        endsOn: todayInChina(),
        scope: '展厅',
        route: '东门—展厅',
        escortIds: [f.person],
      }),
    'GET /api/foreign/visits/{id}': (cl) => cl.get(`/api/foreign/visits/${f.org}`),
    'POST /api/foreign/visits/{id}/check-in': (cl) => cl.post(`/api/foreign/visits/${f.org}/check-in`),
    'GET /api/foreign/visits/{id}/sheet.pdf': (cl) => cl.get(`/api/foreign/visits/${f.org}/sheet.pdf`),
    'GET /api/foreign/materials': (cl) => cl.get('/api/foreign/materials'),
    'GET /api/foreign/materials/export': (cl) => cl.get('/api/foreign/materials/export?format=csv'),
    'POST /api/foreign/materials': (cl) => cl.post('/api/foreign/materials', foreignMaterialBody()),
    'GET /api/foreign/materials/{id}': (cl) => cl.get(`/api/foreign/materials/${f.org}`),
    'PUT /api/foreign/materials/{id}': (cl) =>
      cl.put(`/api/foreign/materials/${f.org}`, foreignMaterialBody()),
    'POST /api/foreign/materials/{id}/review': (cl) =>
      cl.post(`/api/foreign/materials/${f.org}/review`, { reviewId: f.org }),
    'POST /api/foreign/materials/{id}/submit': (cl) => cl.post(`/api/foreign/materials/${f.org}/submit`),
    'POST /api/foreign/materials/{id}/provide': (cl) =>
      cl.post(`/api/foreign/materials/${f.org}/provide`, { on: todayInChina() }),
    'POST /api/foreign/materials/{id}/close': (cl) =>
      cl.post(`/api/foreign/materials/${f.org}/close`, { on: todayInChina() }),
    'GET /api/foreign/materials/{id}/form.pdf': (cl) => cl.get(`/api/foreign/materials/${f.org}/form.pdf`),
    // 保密审查 (review/): any business user files and reads what the read rule admits (an unknown id
    // 404); the term list and the decision are the secrecy office's (review/review.api.test.ts).
    'GET /api/review/terms': (cl) => cl.get('/api/review/terms'),
    'POST /api/review/terms/import': (cl) =>
      cl.post('/api/review/terms/import', { text: '矩阵词\t测试\t低' }),
    'POST /api/review/terms': (cl) =>
      cl.post('/api/review/terms', { term: '矩阵', category: '测试', severity: 'low' }),
    'PUT /api/review/terms/{id}': (cl) =>
      cl.put(`/api/review/terms/${f.org}`, { term: '矩阵', category: '测试', severity: 'low' }),
    'DELETE /api/review/terms/{id}': (cl) => cl.delete(`/api/review/terms/${f.org}`),
    'GET /api/review/settings': (cl) => cl.get('/api/review/settings'),
    'GET /api/review': (cl) => cl.get('/api/review'),
    'GET /api/review/export': (cl) => cl.get('/api/review/export?format=csv'),
    'POST /api/review': (cl) => cl.post('/api/review', { title: `矩阵审查${next()}`, purpose: 'other' }),
    'GET /api/review/{id}': (cl) => cl.get(`/api/review/${f.org}`),
    'POST /api/review/{id}/files': (cl) =>
      cl.request('POST', `/api/review/${f.org}/files?fileName=a.txt`, Buffer.from('矩阵'), {
        headers: { 'content-type': 'application/octet-stream' },
      }),
    'DELETE /api/review/{id}/files/{fileId}': (cl) => cl.delete(`/api/review/${f.org}/files/${f.org}`),
    'GET /api/review/{id}/files/{fileId}': (cl) => cl.get(`/api/review/${f.org}/files/${f.org}`),
    'POST /api/review/{id}/submit': (cl) => cl.post(`/api/review/${f.org}/submit`, { version: 1 }),
    'POST /api/review/{id}/withdraw': (cl) => cl.post(`/api/review/${f.org}/withdraw`, { version: 1 }),
    'POST /api/review/{id}/decide': (cl) =>
      cl.post(`/api/review/${f.org}/decide`, { decision: 'refuse', version: 1, comments: '矩阵' }),
    'GET /api/review/{id}/form': (cl) => cl.get(`/api/review/${f.org}/form`),
    // Foreign affairs, activities part: an unknown activity (404 to a business user), officer-only steps 403.
    'GET /api/foreign/activities': (cl) => cl.get('/api/foreign/activities'),
    'POST /api/foreign/activities': (cl) => cl.post('/api/foreign/activities', activityBody()),
    'GET /api/foreign/activities/export': (cl) => cl.get('/api/foreign/activities/export?format=csv'),
    'GET /api/foreign/activities/settings': (cl) => cl.get('/api/foreign/activities/settings'),
    'PUT /api/foreign/activities/settings': (cl) =>
      cl.put('/api/foreign/activities/settings', {
        majorForeignCount: 10,
        briefingValidMonths: 12,
        startWarningDays: 5,
        closingDays: 15,
      }),
    'GET /api/foreign/activities/{id}': (cl) => cl.get(`/api/foreign/activities/${f.org}`),
    'PUT /api/foreign/activities/{id}': (cl) => cl.put(`/api/foreign/activities/${f.org}`, activityBody()),
    'POST /api/foreign/activities/{id}/submit': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/submit`, { version: 1 }),
    'POST /api/foreign/activities/{id}/start': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/start`, { version: 1 }),
    'POST /api/foreign/activities/{id}/end': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/end`, { version: 1 }),
    'POST /api/foreign/activities/{id}/close': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/close`, { version: 1 }),
    'POST /api/foreign/activities/{id}/briefings': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/briefings`, {
        personId: f.org,
        heldOn: '2026-01-01',
        topics: [],
        signed: true,
      }),
    'PUT /api/foreign/activities/{id}/participants/{personId}/papers': (cl) =>
      cl.put(`/api/foreign/activities/${f.org}/participants/${f.org}/papers`, {
        version: 1,
        commitmentSigned: true,
        registrationFiled: true,
      }),
    'PUT /api/foreign/activities/{id}/leading-group': (cl) =>
      cl.put(`/api/foreign/activities/${f.org}/leading-group`, { version: 1, members: [] }),
    'POST /api/foreign/activities/{id}/inspection': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/inspection`, {
        version: 1,
        on: '2026-01-01',
        findings: '矩阵',
      }),
    'PUT /api/foreign/activities/{id}/wrap-up': (cl) =>
      cl.put(`/api/foreign/activities/${f.org}/wrap-up`, { version: 1, documents: [], summary: '' }),
    'POST /api/foreign/activities/{id}/check': (cl) =>
      cl.post(`/api/foreign/activities/${f.org}/check`, { version: 1, note: '', suspectedLeak: false }),
    'GET /api/foreign/activities/{id}/plan.pdf': (cl) => cl.get(`/api/foreign/activities/${f.org}/plan.pdf`),
    'GET /api/foreign/activities/{id}/briefings.pdf': (cl) =>
      cl.get(`/api/foreign/activities/${f.org}/briefings.pdf`),
  };

  /** A material for a foreign party of an unknown activity (404 for a business user). */
  const foreignMaterialBody = () => ({
    activityId: f.org,
    title: '矩阵资料',
    kind: 'document',
    delivery: 'provide',
    recipients: ['矩阵接收方'],
    copies: 1,
    recovery: 'retain',
  });

  /** A pending password request: a fresh business account's initial password (R-SYS-01 dual control). */
  const resetRequest = async (): Promise<string> => {
    const acc = await c.sysadmin.post<{ reset: { id: string; kind: string; status: string } }>(
      '/api/accounts',
      {
        username: `matrix-reset${next()}`,
        displayName: '矩阵重置',
      },
    );
    assert.equal(acc.status, 201, acc.raw);
    assert.deepEqual([acc.body.reset.kind, acc.body.reset.status], ['initial', 'pending']);
    return acc.body.reset.id;
  };

  /** R-SYS-02: enrols one more TOTP token for the caller (begin, then a right code). */
  const confirmTotp = async (cl: Client): Promise<Response<unknown>> => {
    const begun = await cl.post<{ id: string; secret: string }>('/api/auth/second-factors/totp', {
      algorithm: 'SHA1',
    });
    if (begun.status !== 200) return begun;
    const code = totp(base32Decode(begun.body.secret)!, testClock());
    return cl.post('/api/auth/second-factors/totp/confirm', { id: begun.body.id, code });
  };

  /** A fresh business account (its initial password still pending: irrelevant to a factor reset). */
  const factorResetTarget = async (): Promise<string> => {
    const r = await c.sysadmin.post<{ account: { username: string } }>('/api/accounts', {
      username: `factor${next()}`,
      displayName: '重置对象',
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.account.username;
  };

  /** A pending second-factor reset of a fresh business account, asked by the secadmin. */
  const factorResetRequest = async (): Promise<string> => {
    const r = await c.secadmin.post<{ id: string }>('/api/auth/second-factor-resets', {
      username: await factorResetTarget(),
    });
    assert.equal(r.status, 202, r.raw);
    return r.body.id;
  };

  /** An exit application of the matrix user for himself (personnel, exit part). */
  /** A foreign activity whose organising department is unknown (a business user gets 404). */
  const activityBody = () => ({
    kind: 'reception',
    title: '矩阵',
    organiserDepartmentId: f.org,
    startsOn: '2026-12-01',
    endsOn: '2026-12-02',
    place: '矩阵',
    foreignParties: [],
    foreignCount: 1,
    topics: [],
    level: null,
    classifiedApproved: false,
    plan: { nature: '', responsibilities: '', measures: '', reason: '', programme: '', materials: '' },
    participants: [],
  });
  const exitBody = () => ({
    personId: f.userPerson,
    kind: 'private',
    destination: '矩阵',
    departOn: '2099-01-01',
    returnOn: '2099-01-02',
    purpose: '矩阵',
  });

  /** A designation item draft (R-DES-06) the matrix user may create in his own organisation. */
  const itemBody = () => ({
    title: `矩阵事项${next()}`,
    basis: {
      text: '矩阵依据',
      grounds: {
        public_must_know: false,
        work_secret: false,
        commercial_secret: false,
        personal_privacy: false,
        already_public: false,
      },
    },
    origin: 'original',
    level: 'confidential',
    period: { kind: 'years', n: 1 },
    issueDate: '2026-01-01',
    knowScope: { personIds: [f.userPerson], departmentIds: [], positions: [] },
  });

  /** An approval of the designation flow asked by `personId`, in the matrix user's organisation. */
  const openFor = async (personId: string): Promise<string> =>
    (
      await t.db.tx((sql) =>
        openApproval(sql, SYSTEM_ACTOR, {
          flowType: 'designation',
          subjectType: 'matrix_matter',
          subjectId: `m${next()}`,
          title: '矩阵事项',
          orgId: f.org,
          departmentId: f.dept,
          initiatorPersonId: personId,
          subject: { level: 'confidential' }, // within the user's clearance (R-PER-01)
        }),
      )
    ).id;

  before(async () => {
    t = await createTestApp();
    // The same database behind an app that has a backup directory, so backups can succeed too.
    backupDir = mkdtempSync(join(tmpdir(), 'baomi-matrix-'));
    app = await buildApp({
      db: t.db,
      totpClock: testClock,
      demo: false,
      version: 'test',
      loginRate: { max: 10_000, windowSeconds: 60 },
      backupDir,
      webDist: null,
    });
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      await t.admin(role);
      names[role] = role;
    }
    const u = await t.businessUser({ roles: ['staff'], clearance: 'confidential' }); // drafts 秘密 items (R-PER-01)
    names.user = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [u.accountId])
    ).rows[0]!.username;
    f.userAccount = u.accountId;
    f.userPerson = u.personId;
    await u.client.enrolTotp(names.user);
    for (const w of WHO) c[w] = await fresh(w);
    allRoles = (
      await t.businessUser({
        roles: ['leader', 'committee_member', 'secrecy_officer', 'department_head', 'designator', 'staff'],
      })
    ).client;

    f.org = u.orgId;
    f.dept = u.departmentId;
    const person = await c.sysadmin.post<{ id: string }>('/api/people', {
      orgId: f.org,
      name: '矩阵对象',
      rank: 'other',
    });
    f.person = person.body.id;
    const head = await c.sysadmin.post<{ id: string }>('/api/people', {
      orgId: f.org,
      name: '矩阵定密责任人',
      rank: 'other',
    });
    await c.secadmin.put(`/api/people/${head.body.id}/roles`, { roles: ['leader', 'designator'] });
    f.designator = head.body.id;
    f.account = (
      await createAccountConfirmed(c.sysadmin, c.secadmin, {
        username: 'matrix-target',
        displayName: '矩阵账号',
      })
    ).id;
    f.policy = (await c.secadmin.get('/api/settings/security')).body;
    f.approval = await openFor(u.personId);
    f.otherApproval = await openFor(person.body.id);
    const key = await c.secadmin.put('/api/backups/key', { passphrase: BACKUP_PASS });
    assert.equal(key.status, 200, key.raw);
    f.backupPass = BACKUP_PASS;
    if (TEST_DB === 'pglite') {
      const b = await c.sysadmin.post<{ name: string }>('/api/backups');
      assert.equal(b.status, 201, b.raw);
      f.backup = b.body.name;
    }
  });

  after(async () => {
    await app.close();
    await t.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  test('R-SYS-01 the matrix covers every registered route, and every row is a registered route', async () => {
    const spec = await c.anon.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const registered = new Set(['GET /api/openapi.json']);
    for (const [path, methods] of Object.entries(spec.body.paths)) {
      for (const m of Object.keys(methods)) registered.add(`${m.toUpperCase()} ${path}`);
    }
    const table = new Set(ROWS.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual([...registered].sort(), [...table].sort());
    assert.deepEqual(Object.keys(CALLS).sort(), [...table].sort());
    for (const r of ROWS) {
      const url = r.path.replace(/\{(\w+)\}/g, ':$1');
      assert.ok(app.hasRoute({ method: r.method as 'GET', url }), `${r.method} ${url} is registered`);
    }
  });

  for (const row of ROWS) {
    const key = `${row.method} ${row.path}`;
    const summary = WHO.map((w) => `${w} ${row.expect[w]}`).join(', ');
    test(`R-SYS-01 ${key}: ${summary}`, async () => {
      for (const who of WHO) {
        const want = row.expect[who];
        const made = (await MAKE[key]?.()) ?? '';
        const head = await t.auditHead();
        const r = await CALLS[key]!(c[who], who, made);
        const where = `${key} as ${who}: got ${r.status} ${r.raw.slice(0, 200)}`;
        if (want === '2xx') {
          const pgDump =
            TEST_DB === 'postgres' &&
            row.path.startsWith('/api/backups') &&
            who === 'sysadmin' &&
            r.status === 409 &&
            (r.body as Err).error.code === 'use_pg_dump';
          assert.ok((r.status >= 200 && r.status < 300) || pgDump, where);
        } else {
          assert.equal(r.status, Number(want), where);
          const e = (r.body as Err).error;
          assert.equal(
            e.code,
            { '400': 'webauthn_failed', '401': 'unauthenticated', '403': 'forbidden', '404': 'not_found' }[
              want
            ],
            where,
          );
          if (want === '403') assert.equal(e.rule, 'R-SYS-01', where);
          assert.ok(e.zh && e.en, where);
          // A refused request writes nothing, not even an audit event.
          assert.equal(await t.auditHead(), head, `${where}: audit head moved`);
        }
      }
    });
  }

  test('R-SYS-01 an anonymous request gets 401 before its input is validated (no schema details leak)', async () => {
    for (const [method, url] of [
      ['POST', '/api/orgs'],
      ['PATCH', '/api/people/not-a-uuid'],
      ['PUT', '/api/settings/security'],
      ['POST', '/api/accounts'],
    ] as const) {
      const r = await c.anon.request<Err>(method, url, { bogus: 1 });
      assert.equal(r.status, 401, `${method} ${url}: ${r.raw}`);
      assert.equal(r.body.error.code, 'unauthenticated');
    }
    const bad = await c.anon.request<Err>('POST', '/api/orgs', '{not json');
    assert.equal(bad.status, 401);
  });

  test('R-SYS-01 each administrator reads only its slice of the audit trail', async () => {
    type Page = { items: { actorId: string | null; actorClass: string }[]; total: number };
    const ids = Object.fromEntries(
      (
        await t.db.query<{ id: string; admin_role: string }>(
          'SELECT id, admin_role FROM account WHERE admin_role IS NOT NULL',
        )
      ).rows.map((r) => [r.admin_role, r.id]),
    );
    const sys = await c.sysadmin.get<Page>('/api/audit?pageSize=500');
    assert.ok(sys.body.total > 0);
    assert.ok(sys.body.items.every((e) => e.actorId === ids.sysadmin));
    const sec = await c.secadmin.get<Page>('/api/audit?pageSize=500');
    const secClasses = new Set(sec.body.items.map((e) => e.actorClass));
    assert.ok(secClasses.has('user') && secClasses.has('auditor'), [...secClasses].join());
    assert.ok([...secClasses].every((k) => ['user', 'system', 'auditor'].includes(k)));
    const aud = await c.auditor.get<Page>('/api/audit?pageSize=500');
    const audClasses = new Set(aud.body.items.map((e) => e.actorClass));
    assert.deepEqual([...audClasses].sort(), ['secadmin', 'sysadmin']);
  });

  test('R-SYS-01 a business user holding every business role still gets no administrator route', async () => {
    const cl = new Client(app);
    cl.cookies = new Map(allRoles.cookies);
    for (const url of ['/api/orgs', '/api/people', '/api/accounts', '/api/audit', '/api/backups']) {
      assert.equal((await cl.get(url)).status, 403, url);
    }
    assert.equal((await cl.get('/api/todos')).status, 200);
  });
});
