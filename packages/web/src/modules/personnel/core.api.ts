// The core part's endpoints (server: packages/server/src/personnel/core.routes.ts); types from the contract.

import type { Directory } from '@baomi/api/directory.ts';
import type {
  CandidateList,
  FactEnd,
  FactInput,
  KeySite,
  KeySiteInput,
  KeySiteList,
  KeySitePatch,
  LedgerPage,
  PersonRecord,
  PostInput,
  PostPatch,
  Timeline,
  VettingInput,
} from '@baomi/api/personnel/core.ts';
import { http, type Query, queryString } from '../../app/api.ts';

export type { KeySite, LedgerPage, PersonRecord, Timeline } from '@baomi/api/personnel/core.ts';
export type LedgerRow = LedgerPage['items'][number];

const person = (id: string) => `/personnel/people/${encodeURIComponent(id)}`;

export const coreApi = {
  ledger: (q: Query) => http.get<LedgerPage>('/personnel/ledger', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) =>
    `/api/personnel/ledger/export${queryString({ format, ...q })}`,
  record: (id: string) => http.get<PersonRecord>(person(id)),
  timeline: (id: string) => http.get<Timeline>(`${person(id)}/timeline`),
  candidates: () => http.get<CandidateList>('/personnel/people/candidates'),
  addPost: (id: string, b: PostInput) => http.post<PersonRecord>(`${person(id)}/posts`, b),
  changePost: (id: string, postId: string, b: PostPatch) =>
    http.patch<PersonRecord>(`${person(id)}/posts/${encodeURIComponent(postId)}`, b),
  addVetting: (id: string, b: VettingInput) => http.post<PersonRecord>(`${person(id)}/vettings`, b),
  recordFact: (id: string, b: FactInput) => http.post<PersonRecord>(`${person(id)}/facts`, b),
  endFact: (id: string, factId: string, b: FactEnd) =>
    http.post<PersonRecord>(`${person(id)}/facts/${encodeURIComponent(factId)}/end`, b),
  keySites: () => http.get<KeySiteList>('/personnel/key-sites'),
  createKeySite: (b: KeySiteInput) => http.post<KeySite>('/personnel/key-sites', b),
  changeKeySite: (id: string, b: KeySitePatch) =>
    http.patch<KeySite>(`/personnel/key-sites/${encodeURIComponent(id)}`, b),
  directory: () => http.get<Directory>('/directory'),
};
