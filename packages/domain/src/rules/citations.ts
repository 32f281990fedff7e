// What a user reads as the basis of a rule: the law, regulation, standard or the organisation's own
// rules the rule comes from (../shared/RULES.md gives the source of each id). The rule id stays in code,
// tests and a tooltip for support; the screen shows the citation, e.g. 《中华人民共和国保守国家秘密法》第二十条.

export interface Citation {
  zh: string;
  en: string;
}

const LAW = { zh: '《中华人民共和国保守国家秘密法》', en: 'Law on Guarding State Secrets' };
const REG = {
  zh: '《中华人民共和国保守国家秘密法实施条例》',
  en: 'Implementing Regulations of the Law on Guarding State Secrets',
};
const DES_RULES = {
  zh: '《国家秘密定密管理暂行规定》',
  en: 'Interim Provisions on the Administration of State Secret Designation',
};
const MLPS = {
  zh: 'GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》',
  en: 'GB/T 22239-2019 (MLPS 2.0 baseline)',
};
const DOC_FORMAT = {
  zh: 'GB/T 9704-2012《党政机关公文格式》',
  en: 'GB/T 9704-2012 (official document format)',
};
const CYBER = { zh: '《中华人民共和国网络安全法》', en: 'Cybersecurity Law' };
const CRYPTO = { zh: '《中华人民共和国密码法》', en: 'Cryptography Law' };
// The source regulations Baomi's rulebook was written from (../shared/seeds).
const SEED_000 = {
  zh: '《涉外活动保密管理办法（试行）》',
  en: 'Measures on Secrecy in Foreign-Affairs Activities (trial)',
};
const SEED_001 = {
  zh: '《涉外工作保密管理办法》（涉外活动保密管理制度）',
  en: 'Measures on secrecy in foreign work',
};
const SEED_002 = {
  zh: '《市人民政府法制办公室保密规章制度》',
  en: 'Secrecy rules of a municipal legal affairs office',
};
const SEED_003 = {
  zh: '《定密暨保密要害部门部位年审试点工作手册》',
  en: 'Handbook on designation and the yearly review of key departments',
};
const SEED_004 = {
  zh: '《九三学社中央机关保密工作规定》',
  en: 'Secrecy work provisions of the Jiusan Society central organs',
};

type Part = { zh: string; en: string };
const at = (src: Part, zh: string, en: string): Part => ({ zh: `${src.zh}${zh}`, en: `${src.en}, ${en}` });
const join = (...parts: Part[]): Citation => ({
  zh: parts.map((p) => p.zh).join('；'),
  en: parts.map((p) => p.en).join('; '),
});

/** The citation of every rule id the product names; a rule id missing here shows as the id itself. */
export const CITATIONS: Readonly<Record<string, Citation>> = {
  'R-LVL-01': join(LAW, at(SEED_004, '第三条', 'art. 3')),
  'R-LVL-02': join(
    at(LAW, '第二十条', 'art. 20'),
    at(DES_RULES, '第二十四条', 'art. 24'),
    at(REG, '第十九条', 'art. 19'),
  ),
  'R-LVL-03': join(
    at(DES_RULES, '第二十四条、第三十四条', 'arts. 24, 34'),
    DOC_FORMAT,
    at(SEED_002, '二（二）', 'II(2)'),
  ),
  'R-LVL-04': join(DOC_FORMAT),
  'R-LVL-05': join(at(SEED_002, '四（四）', 'IV(4)')),
  'R-DES-01': join(at(LAW, '第十八条', 'art. 18'), at(REG, '第十八条', 'art. 18')),
  'R-DES-01a': join(at(SEED_003, '第一篇二', 'part 1, II'), at(SEED_004, '第十四条', 'art. 14')),
  'R-DES-02': join(at(LAW, '第十七条', 'art. 17'), at(REG, '第十六条', 'art. 16')),
  'R-DES-03': join(
    at(REG, '第十六条', 'art. 16'),
    at(DES_RULES, '第七条、第九条、第四十四条', 'arts. 7, 9, 44'),
  ),
  'R-DES-04': join(at(SEED_003, '第一篇二', 'part 1, II'), at(SEED_004, '第十四条', 'art. 14')),
  'R-DES-05': join(at(SEED_003, '第一篇二', 'part 1, II')),
  'R-DES-06': join(at(SEED_003, '第一篇二', 'part 1, II'), at(SEED_004, '第十四条', 'art. 14')),
  'R-DES-07': join(at(REG, '第十七条、第二十五条、第二十六条', 'arts. 17, 25, 26')),
  'R-DES-08': join(
    at(LAW, '第二十三条、第二十四条', 'arts. 23, 24'),
    at(DES_RULES, '第二十七条至第三十七条', 'arts. 27–37'),
  ),
  'R-DES-08a': join(at(LAW, '第二十一条', 'art. 21'), at(REG, '第二十条', 'art. 20')),
  'R-DES-09': join(at(SEED_003, '第一篇二', 'part 1, II')),
  'R-SYS-01': join(at(MLPS, '8.1.4.2、8.1.5、8.1.7', '8.1.4.2, 8.1.5, 8.1.7')),
  'R-SYS-02': join(at(MLPS, '8.1.4.1', '8.1.4.1')),
  'R-SYS-03': join(at(CYBER, '第二十一条', 'art. 21'), at(SEED_004, '第九条', 'art. 9')),
  'R-SYS-04': join(at(SEED_002, '四（八）', 'IV(8)')),
  'R-SYS-05': join(at(CRYPTO, '第七条、第八条、第十四条', 'arts. 7, 8, 14')),
  'R-CAR-01': join(at(SEED_002, '二（一）', 'II(1)'), at(SEED_004, '第九条', 'art. 9')),
  'R-CAR-02': join(at(SEED_002, '二（二）', 'II(2)')),
  'R-CAR-03': join(at(SEED_004, '第十条', 'art. 10')),
  'R-CAR-04': join(at(SEED_002, '六（二）', 'VI(2)'), at(SEED_004, '第十条（四）', 'art. 10(4)')),
  'R-CAR-05': join(
    at(REG, '第二十七条、第二十九条', 'arts. 27, 29'),
    at(SEED_002, '二（六）', 'II(6)'),
    at(SEED_004, '第十一条（二）', 'art. 11(2)'),
  ),
  'R-CAR-05a': join(at(LAW, '第二十六条、第二十八条', 'arts. 26, 28'), at(REG, '第二十九条', 'art. 29')),
  'R-CAR-06': join(at(SEED_002, '二（七）', 'II(7)')),
  'R-CAR-07': join(at(SEED_002, '二（十）', 'II(10)')),
  'R-CAR-08': join(at(SEED_002, '二（九）', 'II(9)')),
  'R-CAR-09': join(at(SEED_002, '二（八）', 'II(8)'), at(SEED_004, '第十二条', 'art. 12')),
  'R-CAR-10': join(at(SEED_000, '第十条（二）', 'art. 10(2)'), at(SEED_002, '五（二）', 'V(2)')),
  'R-CAR-11': join(at(SEED_002, '四（五）', 'IV(5)'), at(SEED_004, '第十七条', 'art. 17')),
  'R-INC-01': join(at(SEED_000, '第十二条', 'art. 12'), at(SEED_004, '第二十一条', 'art. 21')),
  'R-FOR-06': join(at(SEED_000, '第十条（四）', 'art. 10(4)')),
  // Issue 12 (保密审查): the review of outgoing material.
  'R-FOR-07': join(at(SEED_000, '第十条（二）（三）', 'art. 10(2)(3)')),
  'R-REV-01': join(at(SEED_000, '第十条', 'art. 10'), SEED_001),
  'R-REV-02': join(at(SEED_000, '第十条', 'art. 10'), SEED_001),
  'R-PER-01': join(at(SEED_003, '第四篇', 'part 4')),
  'R-PER-02': join(at(SEED_003, '第四篇、第五篇', 'parts 4, 5')),
  'R-PER-06a': join(at(LAW, '第四十五条', 'art. 45'), at(REG, '第五十二条', 'art. 52')),
  'R-SITE-02': join(at(SEED_003, '第一篇', 'part 1')),
  // Issue 11 (涉密人员): the rules the personnel domain names.
  'R-PER-03': join(at(SEED_003, '第四篇九、第五篇四6', 'part 4 IX, part 5 IV.6')),
  'R-PER-04': join(at(SEED_003, '第四篇八、第五篇四5', 'part 4 VIII, part 5 IV.5')),
  'R-PER-05': join(at(SEED_003, '第一篇一（一）1（2）', 'part 1, I(1)1(2)')),
  'R-PER-06': join(
    at(LAW, '第四十六条', 'art. 46'),
    at(REG, '第五十三条', 'art. 53'),
    at(SEED_003, '第四篇十', 'part 4 X'),
  ),
  'R-PER-07': join(at(SEED_003, '第三篇第十七条', 'part 3, art. 17')),
  'R-SITE-01': join(at(SEED_003, '第五篇一、二', 'part 5, I–II')),
  'R-SITE-04': join(at(SEED_003, '第三篇第十三条', 'part 3, art. 13')),
  'R-FOR-04': join(at(SEED_000, '第十条（二）', 'art. 10(2)')),
  // Issue 13 (涉外活动, activities part).
  'R-FOR-01': join(at(SEED_000, '第八条（一）', 'art. 8(1)')),
  'R-FOR-02': join(at(SEED_000, '第八条（二）', 'art. 8(2)')),
  'R-FOR-03': join(at(SEED_000, '第九条、第十条', 'arts. 9, 10')),
  'R-FOR-08': join(at(SEED_000, '第十一条、第十二条', 'arts. 11, 12')),
  // Issue 13, part "visitors and materials" (R-FOR-05).
  'R-FOR-05': join(
    at(SEED_000, '第十条（一）', 'art. 10(1)'),
    at(SEED_001, '接待来访、参观（DUT-BM-98）', 'visits (DUT-BM-98)'),
  ),
};

/** The legal basis of a rule for the screen; null when none is recorded (show the id then). */
export function citationOf(ruleId: string): Citation | null {
  return CITATIONS[ruleId] ?? null;
}
