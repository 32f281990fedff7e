// GENERATED FILE — do not edit. Regenerate with `npm run db:types` (packages/server/src/db/codegen.ts)
// after adding a migration. Types follow what the drivers return (db.ts): int8 as number, date as
// 'YYYY-MM-DD' text, timestamptz as Date.
import type { ColumnType } from "kysely";

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Numeric = ColumnType<string, number | string, number | string>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface Account {
  admin_role: string | null;
  created_at: Generated<Timestamp>;
  disabled: Generated<boolean>;
  display_name: string;
  failed_count: Generated<number>;
  id: Generated<string>;
  last_login_at: Timestamp | null;
  locked_until: Timestamp | null;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  password_hash: string;
  username: string;
}

export interface Approval {
  created_at: Generated<Timestamp>;
  fingerprint: string;
  flow_type: string;
  id: Generated<string>;
  initiator_person_id: string;
  org_id: string;
  status: string;
  step_index: number;
  steps: Json;
  subject_id: string;
  subject_snapshot: Json;
  subject_type: string;
  title: string;
  updated_at: Generated<Timestamp>;
}

export interface ApprovalDecision {
  acting_as: string | null;
  approval_id: string;
  at: Timestamp;
  comment: Generated<string>;
  decision: string;
  fingerprint: string;
  person_id: string;
  role: string;
  seq: number;
  snapshot: Json;
  step_key: string;
  superseded: Generated<boolean>;
}

export interface AuditAnchor {
  hash: string;
  pruned_at: Generated<Timestamp>;
  seq: number;
}

export interface AuditEvent {
  action: Generated<string>;
  actor_class: Generated<string>;
  actor_id: Generated<string | null>;
  actor_name: Generated<string>;
  at: Generated<Timestamp>;
  hash: string;
  object_id: Generated<string | null>;
  object_type: Generated<string | null>;
  payload: string;
  prev_hash: string;
  seq: number;
}

export interface AuditHead {
  hash: string;
  id: number;
  seq: number;
}

export interface AuditOutbox {
  bodies: string[];
  created_at: Generated<Timestamp>;
  id: Generated<number>;
}

export interface Carrier {
  batch_id: string;
  central: Generated<boolean>;
  copy_number: number | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  custodian_person_id: string;
  department_id: string | null;
  destruction_id: string | null;
  distribution_class: string | null;
  doc_number: Generated<string>;
  due_date: string | null;
  holder_person_id: string | null;
  id: Generated<string>;
  issue_date: string;
  kind: string;
  know_scope: Json;
  level: string;
  line_of_work_department_ids: Generated<Json>;
  marking: string;
  medium_serial: Generated<string>;
  org_id: string;
  origin: string;
  out_since: string | null;
  period: Json;
  sender: Generated<string>;
  source_carrier_id: string | null;
  stamp: Generated<string>;
  status: Generated<string>;
  title: string;
  title_sort: string;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
  widened_person_ids: Generated<Json>;
}

export interface CarrierCampaign {
  batch_id: string | null;
  closed_at: Timestamp | null;
  closed_by_person_id: string | null;
  department_id: string | null;
  id: Generated<string>;
  kind: string;
  level: string | null;
  note: Generated<string>;
  opened_at: Generated<Timestamp>;
  opened_by_person_id: string;
  org_id: string;
  scope: string;
  status: Generated<string>;
  title: string;
}

export interface CarrierCampaignItem {
  campaign_id: string;
  carrier_id: string;
  confirmed_at: Timestamp | null;
  confirmed_by_person_id: string | null;
  custodian_person_id: string;
  incident_id: string | null;
  note: Generated<string>;
  result: string | null;
  status_at_open: string;
}

export interface CarrierCopyRequest {
  approval_id: string | null;
  carrier_id: string;
  consent: Json | null;
  copies: number;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  kind: string;
  made_carrier_ids: Generated<Json>;
  org_id: string;
  purpose: string;
  requested_by_person_id: string;
  status: Generated<string>;
}

export interface CarrierDestruction {
  approval_id: string | null;
  created_at: Generated<Timestamp>;
  department_id: string | null;
  destroyed_at: Timestamp | null;
  destroyed_by_person_id: string | null;
  id: Generated<string>;
  method: string | null;
  org_id: string;
  place: Generated<string>;
  reason: string;
  requested_by_person_id: string;
  status: Generated<string>;
  supervisor_person_ids: Generated<Json>;
}

export interface CarrierDestructionItem {
  carrier_id: string;
  destruction_id: string;
}

export interface CarrierImport {
  created_at: Generated<Timestamp>;
  created_by: string;
  file_bytes: number;
  file_name: string;
  file_sha256: string;
  file_sm3: Generated<string>;
  id: Generated<string>;
  org_id: string;
  registrar_person_id: string;
  rows: number;
}

export interface CarrierStep {
  actor_account_id: string | null;
  actor_person_id: string | null;
  at: Generated<Timestamp>;
  carrier_id: string;
  details: Generated<Json>;
  due_date: string | null;
  holder_person_id: string | null;
  id: Generated<string>;
  kind: string;
  note: Generated<string>;
  org_id: string;
  seq: number;
  status_after: string;
  to_person_id: string | null;
}

export interface CarrierTakeOut {
  abroad: Generated<boolean>;
  approval_id: string | null;
  carrier_id: string;
  created_at: Generated<Timestamp>;
  destination: string;
  exit_permit: Generated<string>;
  from_date: string;
  id: Generated<string>;
  org_id: string;
  person_id: string;
  place: string;
  purpose: string;
  requested_by_person_id: string;
  safe_box: Generated<boolean>;
  status: Generated<string>;
  to_date: string;
  traveller_ids: Generated<Json>;
}

export interface Department {
  created_at: Generated<Timestamp>;
  function: string | null;
  id: Generated<string>;
  name: string;
  name_sort: string | null;
  org_id: string;
  parent_id: string | null;
}

export interface DesignationChange {
  after: Json | null;
  approval_id: string | null;
  before: Json;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  id: Generated<string>;
  item_id: string;
  kind: string;
  proposed_by_person_id: string;
  proposed_level: string | null;
  proposed_period: Json | null;
  proposed_scope: Json | null;
  reason: string;
  status: Generated<string>;
}

export interface DesignationEscalation {
  approval_id: string | null;
  created_at: Generated<Timestamp>;
  decide_by_deadline: string | null;
  decided_at: Timestamp | null;
  from_org_id: string;
  id: Generated<string>;
  item_id: string;
  kind: string;
  protection_level: string;
  reasons: Generated<Json>;
  reported_by_deadline: string | null;
  reported_on: string;
  status: Generated<string>;
  to_org_id: string;
}

export interface DesignationGrant {
  created_at: Generated<Timestamp>;
  created_by: string;
  filed_by: string | null;
  filed_with_bureau_at: string | null;
  filed_with_org_id: string | null;
  grantee_org_id: string;
  grantor_org_id: string;
  id: Generated<string>;
  letter_number: string;
  level: string;
  reasons: string;
  revoke_reason: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  scope: string;
  valid_from: string;
  valid_to: string;
}

export interface DesignationItem {
  approval_id: string | null;
  approved_at: Timestamp | null;
  basis_catalogue_entry_id: string | null;
  basis_grounds: Json;
  basis_text: Generated<string>;
  created_at: Generated<Timestamp>;
  decided_by_org_id: string | null;
  department_id: string | null;
  handler_person_id: string;
  id: Generated<string>;
  issue_date: string;
  item_number: string | null;
  know_scope: Json;
  last_reviewed_at: Timestamp | null;
  level: string;
  marking: string | null;
  org_id: string;
  origin: string;
  period: Json;
  protection_level: string | null;
  release_condition: string | null;
  release_date: string | null;
  release_reason: string | null;
  released_at: Timestamp | null;
  search_grams: Generated<string[]>;
  source_item_id: string | null;
  status: Generated<string>;
  title: string;
  title_sort: string | null;
  updated_at: Generated<Timestamp>;
}

export interface DesignationItemCounter {
  last: number;
  org_id: string;
  year: number;
}

export interface DesignationKnower {
  added_at: Generated<Timestamp>;
  added_by: string | null;
  item_id: string;
  person_id: string;
}

export interface Designator {
  active: Generated<boolean>;
  appointed_by_person_id: string | null;
  certificate_number: string | null;
  certificate_valid_until: string | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  id: Generated<string>;
  kind: string;
  letter_ref: string | null;
  org_id: string;
  partner_person_id: string | null;
  person_id: string;
  role: string;
  vetted: Generated<boolean>;
}

export interface DesignatorAbsence {
  absent_from: string;
  absent_to: string;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  id: Generated<string>;
  org_id: string;
  person_id: string;
  reason: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
}

export interface ForeignActivity {
  approval_id: string | null;
  classified_approved: Generated<boolean>;
  closed_on: string | null;
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  documents: Generated<Json>;
  ended_on: string | null;
  ends_on: string;
  foreign_count: number;
  foreign_parties: Generated<Json>;
  id: Generated<string>;
  important: Generated<boolean>;
  incident_id: string | null;
  inspection: Json | null;
  kind: string;
  leading_group: Generated<Json>;
  level: string | null;
  officer_check: Json | null;
  org_id: string;
  organiser_department_id: string;
  place: string;
  plan: Generated<Json>;
  started_on: string | null;
  starts_on: string;
  state: Generated<string>;
  summary: Generated<string>;
  title: string;
  title_sort: string;
  topics: Generated<Json>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface ForeignActivityParticipant {
  activity_id: string;
  commitment_signed: Generated<boolean>;
  duty: Generated<string>;
  person_id: string;
  registration_filed: Generated<boolean>;
}

export interface ForeignActivityStep {
  activity_id: string;
  at: Generated<Timestamp>;
  by_person_id: string;
  id: Generated<string>;
  kind: string;
  note: Generated<string>;
}

export interface ForeignMaterial {
  activity_id: string;
  approval_id: string | null;
  carrier_id: string | null;
  close_note: Generated<string>;
  closed_on: string | null;
  copies: number;
  created_at: Generated<Timestamp>;
  delivery: string;
  department_id: string;
  id: Generated<string>;
  kind: string;
  level: string | null;
  national_authority: Generated<string>;
  national_no: Generated<string>;
  national_on: string | null;
  obligation_on: string | null;
  obligation_ref: Generated<string>;
  org_id: string;
  provided_on: string | null;
  recipients: Json;
  recover_by: string | null;
  recovery: string;
  recovery_terms: Generated<string>;
  requester_person_id: string;
  review_id: string | null;
  status: string;
  title: string;
  title_sort: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface ForeignVisit {
  activity_id: string | null;
  approval_id: string | null;
  created_at: Generated<Timestamp>;
  department_id: string | null;
  ends_on: string;
  id: Generated<string>;
  key_site_ids: Generated<Json>;
  org_id: string;
  organiser_person_id: string;
  purpose: Generated<string>;
  route: string;
  scope: string;
  status: string;
  updated_at: Generated<Timestamp>;
  visit_on: string;
  visited_at: Timestamp | null;
}

export interface ForeignVisitEscort {
  person_id: string;
  visit_id: string;
}

export interface ForeignVisitor {
  contact: Generated<string>;
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  doc_number: string;
  doc_type: string;
  id: Generated<string>;
  name: string;
  name_sort: Generated<string>;
  nationality: string;
  note: Generated<string>;
  org_id: string;
  organisation: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface ForeignVisitVisitor {
  visit_id: string;
  visitor_id: string;
}

export interface Incident {
  campaign_id: string | null;
  carrier_id: string | null;
  created_at: Generated<Timestamp>;
  custodian_person_id: string | null;
  discovered_at: Timestamp;
  discovered_by_person_id: string;
  id: Generated<string>;
  know_scope: Json;
  level: string;
  org_id: string;
  report_deadline: Timestamp;
  report_note: Generated<string>;
  reported_at: Timestamp | null;
  reported_by_person_id: string | null;
  source: string;
  status: Generated<string>;
  title: string;
}

export interface JobRun {
  finished_at: Timestamp | null;
  name: string;
  node: string;
  period: string;
  result: Json | null;
  started_at: Generated<Timestamp>;
}

export interface KeySite {
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  department_id: string;
  id: Generated<string>;
  kind: string;
  level: string;
  name: string;
  note: Generated<string>;
  org_id: string;
  updated_at: Generated<Timestamp>;
}

export interface LoginLock {
  account_id: string;
  failed_count: Generated<number>;
  last_failed_at: Generated<Timestamp>;
  locked_until: Timestamp | null;
  source: string;
}

export interface Org {
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  kind: string;
  level: string;
  name: string;
  name_sort: string | null;
  parent_id: string | null;
  updated_at: Generated<Timestamp>;
}

export interface PasswordReset {
  account_id: string;
  decided_at: Timestamp | null;
  decided_by: string | null;
  expires_at: Timestamp;
  first_half: string | null;
  id: Generated<string>;
  kind: Generated<string>;
  notice_seen_at: Timestamp | null;
  requested_at: Generated<Timestamp>;
  requested_by: string;
  status: Generated<string>;
}

export interface Person {
  account_id: string | null;
  clearance: Generated<string>;
  created_at: Generated<Timestamp>;
  department_id: string | null;
  id: Generated<string>;
  name: string;
  name_sort: string | null;
  nationality: Generated<string>;
  org_id: string;
  position: Generated<string>;
  rank: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelAssessment {
  assessed_by_person_id: string;
  assessed_on: string;
  comment: Generated<string>;
  created_at: Generated<Timestamp>;
  discipline: string;
  duties: string;
  id: Generated<string>;
  org_id: string;
  person_id: string;
  result: string;
  training: string;
  year: number;
}

export interface PersonnelBriefing {
  created_at: Generated<Timestamp>;
  exit_id: string | null;
  given_by_person_id: string;
  held_on: string;
  id: Generated<string>;
  note: Generated<string>;
  org_id: string;
  person_id: string;
  signed: Generated<boolean>;
  topics: Json;
}

export interface PersonnelCommitment {
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  id: Generated<string>;
  kind: string;
  note: Generated<string>;
  org_id: string;
  person_id: string;
  post_id: string | null;
  signed_on: string;
  year: number | null;
}

export interface PersonnelCoolingOff {
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  end_on: string;
  id: Generated<string>;
  months: number;
  org_id: string;
  person_class: string;
  person_id: string;
  post_id: string;
  start_on: string;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelExit {
  applied_by_person_id: string;
  approval_id: string | null;
  approved_on: string | null;
  companions: Generated<string>;
  created_at: Generated<Timestamp>;
  depart_on: string;
  destination: string;
  flags: Generated<Json>;
  id: Generated<string>;
  implied_matter: string | null;
  kind: string;
  org_id: string;
  person_id: string;
  purpose: string;
  report_note: Generated<string>;
  report_noted_at: Timestamp | null;
  report_noted_by_person_id: string | null;
  report_text: string | null;
  reported_by_person_id: string | null;
  reported_on: string | null;
  return_on: string;
  status: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelFact {
  condition: string;
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  id: Generated<string>;
  note: Generated<string>;
  org_id: string;
  person_id: string;
  since: string;
  until: string | null;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelLeaving {
  access_revoked_on: string | null;
  approved_by_person_id: string | null;
  approved_on: string | null;
  approver_name: string | null;
  cooling_off_months: number | null;
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  devices_not_returned: number | null;
  id: Generated<string>;
  org_id: string;
  person_id: string;
  post_id: string;
  reason: Generated<string>;
  reminder_talk_by: Generated<string>;
  reminder_talk_on: string | null;
  started_on: string;
  status: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelMatter {
  changed_class_from: string | null;
  changed_class_to: string | null;
  changed_on: string | null;
  description: Generated<string>;
  exit_application_id: string | null;
  id: Generated<string>;
  kind: string;
  measures: string | null;
  occurred_on: string;
  opinion: string | null;
  org_id: string;
  person_id: string;
  post_id: string | null;
  reported_at: Generated<Timestamp>;
  reported_by_person_id: string;
  reviewed_at: Timestamp | null;
  reviewed_by_person_id: string | null;
  source: string;
  status: Generated<string>;
}

export interface PersonnelPassport {
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  due_back: string | null;
  exit_id: string | null;
  expires_on: string;
  id: Generated<string>;
  kind: string;
  lent_on: string | null;
  note: Generated<string>;
  number: string;
  org_id: string;
  person_id: string;
  status: string;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelPassportStep {
  at: Generated<Timestamp>;
  by_person_id: string;
  due_back: string | null;
  exit_id: string | null;
  id: Generated<string>;
  kind: string;
  on_date: string;
  passport_id: string;
}

export interface PersonnelPost {
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  id: Generated<string>;
  key_site_id: string | null;
  left_on: string | null;
  name: string;
  org_id: string;
  person_class: string;
  person_id: string;
  since: string;
  updated_at: Generated<Timestamp>;
}

export interface PersonnelTrainingAttendee {
  person_id: string;
  session_id: string;
}

export interface PersonnelTrainingSession {
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  held_on: string;
  hours: Numeric;
  id: Generated<string>;
  materials: Generated<Json>;
  org_id: string;
  topic: string;
  trainer: string;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface PersonnelVetting {
  clearance: string;
  created_at: Generated<Timestamp>;
  created_by_person_id: string;
  id: Generated<string>;
  note: Generated<string>;
  org_id: string;
  person_class: string;
  person_id: string;
  result: string;
  reviewer: string;
  vetted_on: string;
}

export interface PersonRole {
  granted_at: Generated<Timestamp>;
  granted_by: string | null;
  person_id: string;
  role: string;
}

export interface RateCounter {
  count: number;
  key: string;
  window_start: Timestamp;
}

export interface RecoveryCode {
  account_id: string;
  code_hash: string;
  created_at: Generated<Timestamp>;
  used_at: Timestamp | null;
}

export interface ReviewFile {
  bytes: Buffer;
  highest_level: string | null;
  hits_count: Generated<number>;
  id: Generated<string>;
  name: string;
  report: Json;
  review_id: string;
  size: number;
  sm3: string;
  superseded: Generated<boolean>;
  term_version: Generated<number>;
  unread: Generated<boolean>;
  unread_confirmed_at: Timestamp | null;
  unread_confirmed_by_person_id: string | null;
  uploaded_at: Generated<Timestamp>;
  uploaded_by_person_id: string;
}

export interface ReviewRequest {
  approval_id: string | null;
  comments: Generated<string>;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by_person_id: string | null;
  department_id: string | null;
  id: Generated<string>;
  no: string;
  org_id: string;
  purpose: string;
  purpose_note: Generated<string>;
  requester_person_id: string;
  source: Json | null;
  state: Generated<string>;
  submitted_at: Timestamp | null;
  title: string;
  title_sort: Generated<string>;
  version: Generated<number>;
}

export interface ReviewTerm {
  category: string;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  org_id: string;
  pattern: Generated<boolean>;
  severity: string;
  term: string;
}

export interface ReviewTermList {
  org_id: string;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface SecondFactor {
  account_id: string;
  algorithm: string | null;
  confirmed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  credential_id: string | null;
  digits: number | null;
  id: Generated<string>;
  kind: string;
  label: string;
  last_step: number | null;
  last_used_at: Timestamp | null;
  period: number | null;
  public_key: Buffer | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  secret_enc: string | null;
  sign_count: number | null;
  transports: string | null;
}

export interface SecondFactorReset {
  account_id: string;
  decided_at: Timestamp | null;
  decided_by: string | null;
  expires_at: Timestamp;
  id: Generated<string>;
  requested_at: Generated<Timestamp>;
  requested_by: string;
  status: Generated<string>;
}

export interface SecretCatalogueEntry {
  active: Generated<boolean>;
  clause: string;
  created_at: Generated<Timestamp>;
  created_by: string;
  id: Generated<string>;
  indefinite_allowed: Generated<boolean>;
  max_level: string;
  org_id: string | null;
  title: string;
  updated_at: Generated<Timestamp>;
}

export interface Session {
  account_id: string;
  created_at: Generated<Timestamp>;
  csrf: string;
  id: string;
  ip: string | null;
  last_seen_at: Generated<Timestamp>;
  user_agent: string | null;
}

export interface Setting {
  key: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  value: Json;
}

export interface SigninPending {
  account_id: string;
  challenge: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  id: string;
  source: string;
}

export interface Todo {
  account_id: string;
  created_at: Generated<Timestamp>;
  done_at: Timestamp | null;
  due_at: Timestamp | null;
  id: Generated<string>;
  kind: string;
  link: string | null;
  module: string;
  subject_id: string | null;
  subject_type: string | null;
  title: string;
}

export interface WebauthnChallenge {
  account_id: string;
  challenge: string;
  expires_at: Timestamp;
}

export interface WorkCalendarDay {
  day: string;
  kind: string;
  name: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
}

export interface DB {
  account: Account;
  approval: Approval;
  approval_decision: ApprovalDecision;
  audit_anchor: AuditAnchor;
  audit_event: AuditEvent;
  audit_head: AuditHead;
  audit_outbox: AuditOutbox;
  carrier: Carrier;
  carrier_campaign: CarrierCampaign;
  carrier_campaign_item: CarrierCampaignItem;
  carrier_copy_request: CarrierCopyRequest;
  carrier_destruction: CarrierDestruction;
  carrier_destruction_item: CarrierDestructionItem;
  carrier_import: CarrierImport;
  carrier_step: CarrierStep;
  carrier_take_out: CarrierTakeOut;
  department: Department;
  designation_change: DesignationChange;
  designation_escalation: DesignationEscalation;
  designation_grant: DesignationGrant;
  designation_item: DesignationItem;
  designation_item_counter: DesignationItemCounter;
  designation_knower: DesignationKnower;
  designator: Designator;
  designator_absence: DesignatorAbsence;
  foreign_activity: ForeignActivity;
  foreign_activity_participant: ForeignActivityParticipant;
  foreign_activity_step: ForeignActivityStep;
  foreign_material: ForeignMaterial;
  foreign_visit: ForeignVisit;
  foreign_visit_escort: ForeignVisitEscort;
  foreign_visit_visitor: ForeignVisitVisitor;
  foreign_visitor: ForeignVisitor;
  incident: Incident;
  job_run: JobRun;
  key_site: KeySite;
  login_lock: LoginLock;
  org: Org;
  password_reset: PasswordReset;
  person: Person;
  person_role: PersonRole;
  personnel_assessment: PersonnelAssessment;
  personnel_briefing: PersonnelBriefing;
  personnel_commitment: PersonnelCommitment;
  personnel_cooling_off: PersonnelCoolingOff;
  personnel_exit: PersonnelExit;
  personnel_fact: PersonnelFact;
  personnel_leaving: PersonnelLeaving;
  personnel_matter: PersonnelMatter;
  personnel_passport: PersonnelPassport;
  personnel_passport_step: PersonnelPassportStep;
  personnel_post: PersonnelPost;
  personnel_training_attendee: PersonnelTrainingAttendee;
  personnel_training_session: PersonnelTrainingSession;
  personnel_vetting: PersonnelVetting;
  rate_counter: RateCounter;
  recovery_code: RecoveryCode;
  review_file: ReviewFile;
  review_request: ReviewRequest;
  review_term: ReviewTerm;
  review_term_list: ReviewTermList;
  second_factor: SecondFactor;
  second_factor_reset: SecondFactorReset;
  secret_catalogue_entry: SecretCatalogueEntry;
  session: Session;
  setting: Setting;
  signin_pending: SigninPending;
  todo: Todo;
  webauthn_challenge: WebauthnChallenge;
  work_calendar_day: WorkCalendarDay;
}
