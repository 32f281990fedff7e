// 涉密人员 (classified personnel): the fixed lists of the module, with their words. Rule ids in the
// functions that use them (eligibility.ts, commitments.ts, training.ts, leaving.ts, exit.ts,
// assessment.ts).

const L = (zh: string, en: string) => ({ zh, en });
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** R-PER-01: the classes of classified persons (涉密人员分类), highest first. */
export const PERSON_CLASSES = ['core', 'important', 'general'] as const;
export type PersonClass = (typeof PERSON_CLASSES)[number];
export const PERSON_CLASS_LABELS: Labels<PersonClass> = {
  core: L('核心涉密人员', 'Core classified person'),
  important: L('重要涉密人员', 'Important classified person'),
  general: L('一般涉密人员', 'General classified person'),
};
/** The short words of the classes, as a ledger column shows them. */
export const PERSON_CLASS_SHORT_LABELS: Labels<PersonClass> = {
  core: L('核心', 'Core'),
  important: L('重要', 'Important'),
  general: L('一般', 'General'),
};
/** Order of the classes: 一般 < 重要 < 核心. */
export const PERSON_CLASS_RANK: Record<PersonClass, number> = { general: 1, important: 2, core: 3 };

/** R-PER-01: the outcome of a vetting (涉密资格审查). */
export const VETTING_RESULTS = ['passed', 'failed'] as const;
export type VettingResult = (typeof VETTING_RESULTS)[number];
export const VETTING_RESULT_LABELS: Labels<VettingResult> = {
  passed: L('审查通过', 'Passed'),
  failed: L('审查未通过', 'Not passed'),
};

/**
 * R-PER-02: the conditions recorded as facts that keep a person out of a key department or location
 * (seed 003 第四篇六, 第五篇四4). 未通过涉密资格审查 is not a recorded fact: it follows from the vetting
 * (eligibility.ts).
 */
export const ELIGIBILITY_CONDITIONS = [
  'criminal_record',
  'discipline',
  'secrecy_violation',
  'temporary_hire',
  'foreign_spouse',
  'other_unsuitable',
] as const;
export type EligibilityCondition = (typeof ELIGIBILITY_CONDITIONS)[number];
export const ELIGIBILITY_CONDITION_LABELS: Labels<EligibilityCondition> = {
  criminal_record: L('受过刑事责任追究', 'Criminal record'),
  discipline: L('受过党纪政纪记过以上处分', 'Party or government discipline of 记过 or above'),
  secrecy_violation: L('有严重违反保密法规记录', 'Serious violation of secrecy law on record'),
  temporary_hire: L('社会上临时聘用', 'Temporary hire'),
  foreign_spouse: L('配偶为非中国公民', 'Spouse is not a Chinese citizen'),
  other_unsuitable: L('其他经保密工作部门认定不适宜', 'Found unsuitable by the secrecy office'),
};
/**
 * The conditions about something that happened (受过…, 有…记录): they do not end with time, so a fact of
 * these kinds has no end date. The others describe a state that can end (the hire becomes permanent,
 * the spouse naturalises, the office lifts its finding).
 */
export const PERMANENT_ELIGIBILITY_CONDITIONS: readonly EligibilityCondition[] = [
  'criminal_record',
  'discipline',
  'secrecy_violation',
];

/** The minimal register of key sites (保密要害部门部位): a department or a location (R-SITE-01). */
export const KEY_SITE_KINDS = ['department', 'location'] as const;
export type KeySiteKind = (typeof KEY_SITE_KINDS)[number];
export const KEY_SITE_KIND_LABELS: Labels<KeySiteKind> = {
  department: L('保密要害部门', 'Key department'),
  location: L('保密要害部位', 'Key location'),
};

/**
 * R-PER-03: commitments and letters. `on_post`: 保密承诺书（在岗）signed on taking a post; `yearly`: the
 * yearly renewal of the on-post commitment; `exit`: 离岗（离职）保密承诺书 signed on leaving a post;
 * `responsibility_letter`: 保密责任书 of key-department and key-location staff.
 */
export const COMMITMENT_KINDS = ['on_post', 'yearly', 'exit', 'responsibility_letter'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_KIND_LABELS: Labels<CommitmentKind> = {
  on_post: L('涉密人员保密承诺书（上岗）', 'Commitment on taking a post'),
  yearly: L('涉密人员保密承诺书（年度）', 'Yearly commitment'),
  exit: L('涉密人员离岗离职保密承诺书', 'Exit commitment'),
  responsibility_letter: L('保密要害部门部位工作人员保密责任书', 'Responsibility letter'),
};

/** R-PER-05: the kinds of major matters reported (重大事项报告). */
export const MAJOR_MATTER_KINDS = [
  'leak_found',
  'infiltration_attempt',
  'foreign_marriage',
  'foreign_funding',
  'private_travel_abroad',
  'foreign_contact',
  'family_foreign_residence',
  'relatives_abroad',
  'questioned_abroad',
  'other',
] as const;
export type MajorMatterKind = (typeof MAJOR_MATTER_KINDS)[number];
export const MAJOR_MATTER_KIND_LABELS: Labels<MajorMatterKind> = {
  leak_found: L('发现泄密或严重泄密隐患', 'Leak or serious leak risk found'),
  infiltration_attempt: L('被境外策反、渗透或拉拢', 'Attempt to infiltrate or recruit'),
  foreign_marriage: L('涉外婚恋', 'Marriage or romance with a foreigner'),
  foreign_funding: L('接受境外机构、组织资助', 'Funding from a foreign body'),
  private_travel_abroad: L('因私出国（境）', 'Private travel abroad'),
  foreign_contact: L('非公务与境外人员交往', 'Non-official contact with foreigners'),
  family_foreign_residence: L(
    '配偶、子女获得境外永久居留权或取得外国国籍',
    'Spouse or child gains foreign residence or citizenship',
  ),
  relatives_abroad: L(
    '直系亲属在境外学习、工作或定居',
    'Close relatives studying, working or settled abroad',
  ),
  questioned_abroad: L('出境期间被盘问、引诱或发生意外', 'Questioned or induced while abroad'),
  other: L('其他需要报告的重大事项', 'Other major matter'),
};

/** Who put a major matter on record: the person himself, or the secrecy officer (known but unreported). */
export const MAJOR_MATTER_SOURCES = ['self', 'officer'] as const;
export type MajorMatterSource = (typeof MAJOR_MATTER_SOURCES)[number];
export const MAJOR_MATTER_SOURCE_LABELS: Labels<MajorMatterSource> = {
  self: L('本人报告', 'Reported by the person'),
  officer: L('保密工作机构掌握登记', 'Recorded by the secrecy office'),
};

/** R-PER-06, R-CAR-08: the items of the leaving checklist the server enforces, in order. */
export const LEAVING_ITEMS = [
  'reminder_talk',
  'exit_commitment',
  'carriers_handed_over',
  'devices_returned',
  'access_revoked',
] as const;
export type LeavingItem = (typeof LEAVING_ITEMS)[number];
export const LEAVING_ITEM_LABELS: Labels<LeavingItem> = {
  reminder_talk: L('离岗保密提醒谈话', 'Reminder talk'),
  exit_commitment: L('签订离岗离职保密承诺书', 'Exit commitment signed'),
  carriers_handed_over: L('涉密载体全部清退移交', 'Every carrier handed over'),
  devices_returned: L('涉密设备全部交还', 'Every device returned'),
  access_revoked: L('信息系统权限已撤销', 'System access revoked'),
};

/** R-PER-06a: private or official travel abroad (因私 / 因公出国（境）). */
export const EXIT_KINDS = ['private', 'official'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];
export const EXIT_KIND_LABELS: Labels<ExitKind> = {
  private: L('因私出国（境）', 'Private travel abroad'),
  official: L('因公出国（境）', 'Official travel abroad'),
};

/** R-FOR-04: the topics a secrecy briefing (保密提醒) before a trip covers. */
export const BRIEFING_TOPICS = [
  'patriotism',
  'foreign_discipline',
  'secrecy_law',
  'legal_liability',
  'classified_items',
  'communications',
  'emergencies',
] as const;
export type BriefingTopic = (typeof BRIEFING_TOPICS)[number];
export const BRIEFING_TOPIC_LABELS: Labels<BriefingTopic> = {
  patriotism: L('爱国主义教育', 'Patriotism'),
  foreign_discipline: L('外事纪律', 'Foreign-affairs discipline'),
  secrecy_law: L('保密法律法规', 'Secrecy law'),
  legal_liability: L('法律责任', 'Legal liability'),
  classified_items: L('涉密事项及载体管理', 'Classified items'),
  communications: L('通信保密', 'Communications security'),
  emergencies: L('突发情况处置', 'Emergencies'),
};

/** How an exit-application condition is handled (R-PER-06a): refused, or let through with a flag. */
export const EXIT_POLICY_ACTIONS = ['refuse', 'flag'] as const;
export type ExitPolicyAction = (typeof EXIT_POLICY_ACTIONS)[number];

/** R-PER-07: the aspects of the yearly assessment (seed 003 第三篇第十七条). */
export const ASSESSMENT_ASPECTS = ['discipline', 'duties', 'training'] as const;
export type AssessmentAspect = (typeof ASSESSMENT_ASPECTS)[number];
export const ASSESSMENT_ASPECT_LABELS: Labels<AssessmentAspect> = {
  discipline: L('遵守保密纪律', 'Keeping secrecy discipline'),
  duties: L('履行保密义务和责任', 'Fulfilling secrecy duties'),
  training: L('接受保密教育培训', 'Secrecy training'),
};
/** How one aspect was found. */
export const ASPECT_RATINGS = ['meets', 'partly', 'fails'] as const;
export type AspectRating = (typeof ASPECT_RATINGS)[number];
export const ASPECT_RATING_LABELS: Labels<AspectRating> = {
  meets: L('符合要求', 'Meets'),
  partly: L('基本符合', 'Partly'),
  fails: L('不符合', 'Fails'),
};
/** R-PER-07: the overall result, best first. */
export const ASSESSMENT_RESULTS = ['excellent', 'pass', 'basic', 'fail'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export const ASSESSMENT_RESULT_LABELS: Labels<AssessmentResult> = {
  excellent: L('优秀', 'Excellent'),
  pass: L('合格', 'Pass'),
  basic: L('基本合格', 'Basic pass'),
  fail: L('不合格', 'Fail'),
};
