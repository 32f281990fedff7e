// The training part's lines on a person's timeline: sessions attended, major matters (reported,
// reviewed, a class change), yearly assessments. Called after the core's route passed the read rule.
import { ASSESSMENT_RESULT_LABELS, MAJOR_MATTER_KIND_LABELS, PERSON_CLASS_LABELS } from '@baomi/domain';
import type { PersonTimelineEntry, PersonTimelineSource } from './part.ts';
import { assessmentsOf, attendedBy, mattersOfPerson } from './training.queries.ts';

export const trainingTimeline: PersonTimelineSource = async (sql, personId) => {
  const out: PersonTimelineEntry[] = [];
  for (const s of await attendedBy(sql, [personId], null))
    out.push({
      on: s.heldOn,
      kind: 'training',
      zh: `参加保密教育培训“${s.topic}”（${s.hours}学时）`,
      en: `Attended training "${s.topic}" (${s.hours} h)`,
      href: '/personnel/training',
    });
  for (const m of await mattersOfPerson(sql, personId)) {
    const k = MAJOR_MATTER_KIND_LABELS[m.kind];
    out.push({
      on: m.occurredOn,
      kind: 'matter',
      zh: `${m.source === 'self' ? '报告' : '保密工作机构登记'}重大事项：${k.zh}`,
      en: `Major matter ${m.source === 'self' ? 'reported' : 'recorded by the office'}: ${k.en}`,
      href: `/personnel/matters?personId=${personId}`,
    });
    if (m.changedClassTo && m.changedOn && m.changedClassFrom)
      out.push({
        on: m.changedOn,
        kind: 'matter',
        zh: `因重大事项调整涉密等级：${PERSON_CLASS_LABELS[m.changedClassFrom].zh} → ${PERSON_CLASS_LABELS[m.changedClassTo].zh}`,
        en: `Class changed after a major matter: ${PERSON_CLASS_LABELS[m.changedClassFrom].en} → ${PERSON_CLASS_LABELS[m.changedClassTo].en}`,
        href: `/personnel/matters?personId=${personId}`,
      });
  }
  for (const a of await assessmentsOf(sql, [personId], null))
    out.push({
      on: a.assessedOn,
      kind: 'assessment',
      zh: `${a.year}年度保密考核：${ASSESSMENT_RESULT_LABELS[a.result].zh}`,
      en: `${a.year} assessment: ${ASSESSMENT_RESULT_LABELS[a.result].en}`,
      href: `/personnel/assessments?year=${a.year}`,
    });
  return out;
};
