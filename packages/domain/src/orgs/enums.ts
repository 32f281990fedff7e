// Organisation structure vocabulary (glossary: orgs). Labels are what the UI shows.

export const ADMIN_LEVELS = ['central', 'province', 'city', 'county', 'township'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];
export const ADMIN_LEVEL_LABELS: Record<AdminLevel, { zh: string; en: string }> = {
  central: { zh: '中央', en: 'Central' },
  province: { zh: '省', en: 'Provincial' },
  city: { zh: '设区的市', en: 'Districted city' },
  county: { zh: '县', en: 'County' },
  township: { zh: '乡', en: 'Township' },
};

export const ORG_KINDS = [
  'party_gov',
  'institution',
  'enterprise',
  'secrecy_bureau',
  'security_organ',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  party_gov: { zh: '党政机关', en: 'Party or government organ' },
  institution: { zh: '事业单位', en: 'Public institution' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  secrecy_bureau: { zh: '保密行政管理部门', en: 'Secrecy bureau' },
  security_organ: { zh: '公安/国家安全机关', en: 'Public or state security organ' },
};

export const RANKS = ['minister', 'bureau', 'division', 'section', 'other'] as const;
export type Rank = (typeof RANKS)[number];
export const RANK_LABELS: Record<Rank, { zh: string; en: string }> = {
  minister: { zh: '省部级', en: 'Minister level' },
  bureau: { zh: '司局级', en: 'Bureau level' },
  division: { zh: '处级', en: 'Division level' },
  section: { zh: '科级', en: 'Section level' },
  other: { zh: '其他', en: 'Other' },
};

export const BUSINESS_ROLES = [
  'leader',
  'committee_member',
  'secrecy_officer',
  'department_head',
  'designator',
  'staff',
] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export const BUSINESS_ROLE_LABELS: Record<BusinessRole, { zh: string; en: string }> = {
  leader: { zh: '单位领导', en: 'Leader' },
  committee_member: { zh: '保密委员会成员', en: 'Secrecy committee member' },
  secrecy_officer: { zh: '保密员', en: 'Secrecy officer' },
  department_head: { zh: '部门负责人', en: 'Department head' },
  designator: { zh: '定密责任人', en: 'Designator' },
  staff: { zh: '工作人员', en: 'Staff' },
};

/** R-SYS-01: the three administrators. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const ADMIN_ROLE_LABELS: Record<AdminRole, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全保密管理员', en: 'Security-secrecy administrator' },
  auditor: { zh: '安全审计员', en: 'Security auditor' },
};

/** Clearance (涉密等级) of a person: the highest state-secret level they may know. */
export const CLEARANCES = ['none', 'confidential', 'secret', 'top_secret'] as const;
export type Clearance = (typeof CLEARANCES)[number];
export const CLEARANCE_LABELS: Record<Clearance, { zh: string; en: string }> = {
  none: { zh: '无', en: 'None' },
  confidential: { zh: '秘密', en: 'Confidential' },
  secret: { zh: '机密', en: 'Secret' },
  top_secret: { zh: '绝密', en: 'Top secret' },
};
