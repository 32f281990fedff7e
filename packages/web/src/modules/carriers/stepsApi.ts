// The carriers' remaining life steps (server: packages/server/src/carriers/steps.routes.ts, handover.ts,
// the widen route); types from the contract.

import type { MediumUseInput, SendOut, SendOutInput } from '@baomi/api/carriers/steps.ts';
import type { Carrier, Custody, Handover, HandoverInput, WidenInput } from '@baomi/api/carriers.ts';
import { http, queryString } from '../../app/api.ts';

export type { Custody, Handover };

const one = (id: string) => `/carriers/${encodeURIComponent(id)}`;

export const stepsApi = {
  sendOut: (b: SendOutInput) => http.post<SendOut>('/carriers/send-outs', b),
  mediumUse: (id: string, b: MediumUseInput) => http.post<Carrier>(`${one(id)}/medium-uses`, b),
  widen: (id: string, b: WidenInput) => http.post<Carrier>(`${one(id)}/widen`, b),
  custody: (personId: string) => http.get<Custody>(`/carriers/custody/${encodeURIComponent(personId)}`),
  handover: (b: HandoverInput) => http.post<Handover>('/carriers/handovers', b),
  handoverPdfUrl: (personId: string, toPersonId?: string) =>
    `/api/carriers/custody/${encodeURIComponent(personId)}/handover.pdf${queryString(toPersonId ? { toPersonId } : {})}`,
};
