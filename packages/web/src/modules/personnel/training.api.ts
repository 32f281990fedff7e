// The training part's endpoints (server: packages/server/src/personnel/training.routes.ts). Types from
// the contract.
import type { Directory } from '@baomi/api/directory.ts';
import type {
  Assessment,
  AssessmentInput,
  AssessmentPage,
  Matter,
  MatterInput,
  MatterPage,
  PersonTraining,
  ReviewInput,
  Session,
  SessionInput,
  SessionPage,
  SessionPatch,
  ShortfallPage,
  TrainingPolicyBody,
} from '@baomi/api/personnel/training.ts';
import { http, type Query, queryString } from '../../app/api.ts';

export type {
  Assessment,
  AssessmentRow,
  Matter,
  PersonTraining,
  Session,
  ShortfallRow,
} from '@baomi/api/personnel/training.ts';

const enc = encodeURIComponent;

export const trainingApi = {
  directory: () => http.get<Directory>('/directory'),
  policy: () => http.get<TrainingPolicyBody>('/personnel/training/policy'),
  setPolicy: (b: TrainingPolicyBody) => http.put<TrainingPolicyBody>('/personnel/training/policy', b),
  sessions: (q: Query) => http.get<SessionPage>('/personnel/training/sessions', q),
  createSession: (b: SessionInput) => http.post<Session>('/personnel/training/sessions', b),
  editSession: (id: string, b: SessionPatch) =>
    http.patch<Session>(`/personnel/training/sessions/${enc(id)}`, b),
  setAttendees: (id: string, attendeeIds: string[]) =>
    http.put<Session>(`/personnel/training/sessions/${enc(id)}/attendees`, { attendeeIds }),
  shortfall: (q: Query) => http.get<ShortfallPage>('/personnel/training/shortfall', q),
  shortfallExportUrl: (q: Query) => `/api/personnel/training/shortfall/export${queryString(q)}`,
  person: (personId: string, year?: number) =>
    http.get<PersonTraining>(`/personnel/training/people/${enc(personId)}`, year ? { year } : {}),
  matters: (q: Query) => http.get<MatterPage>('/personnel/matters', q),
  report: (b: MatterInput) => http.post<Matter>('/personnel/matters', b),
  review: (id: string, b: ReviewInput) => http.post<Matter>(`/personnel/matters/${enc(id)}/review`, b),
  assessments: (q: Query) => http.get<AssessmentPage>('/personnel/assessments', q),
  assess: (b: AssessmentInput) => http.post<Assessment>('/personnel/assessments', b),
  sheetUrl: (id: string) => `/api/personnel/assessments/${enc(id)}/sheet.pdf`,
};
