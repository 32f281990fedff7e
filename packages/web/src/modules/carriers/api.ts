// The carriers endpoints (server: packages/server/src/carriers). Types come from the contract
// (@baomi/api/carriers.ts), the one place they are written.
import type {
  Carrier,
  CarrierBatch,
  CarrierDetail,
  CarrierPage,
  CopyRequest,
  CopyRequestInput,
  DestroyInput,
  Destruction,
  DestructionRequest,
  ExtendInput,
  LoanInput,
  ProduceInput,
  ReceiveInput,
  ReturnInput,
  TakeOut,
  TakeOutInput,
  WhereList,
} from '@baomi/api/carriers.ts';
import type { Directory } from '@baomi/api/directory.ts';
import { http, type Query, queryString } from '../../app/api.ts';

export type {
  Carrier,
  CarrierBatch,
  CarrierDetail,
  CarrierPage,
  CarrierRow,
  CarrierStep,
  Destruction,
  ProduceInput,
  ReceiveInput,
} from '@baomi/api/carriers.ts';
export type { Directory };

const one = (id: string) => `/carriers/${encodeURIComponent(id)}`;

export const carriersApi = {
  list: (q: Query) => http.get<CarrierPage>('/carriers', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) => `/api/carriers/export${queryString({ format, ...q })}`,
  detail: (id: string) => http.get<CarrierDetail>(one(id)),
  receive: (b: ReceiveInput) => http.post<CarrierBatch>('/carriers/receive', b),
  produce: (b: ProduceInput) => http.post<CarrierBatch>('/carriers/produce', b),
  loan: (id: string, b: LoanInput) => http.post<Carrier>(`${one(id)}/loan`, b),
  return: (id: string, b: ReturnInput) => http.post<Carrier>(`${one(id)}/return`, b),
  extend: (id: string, b: ExtendInput) => http.post<Carrier>(`${one(id)}/extend`, b),
  requestDestruction: (b: DestructionRequest) => http.post<Destruction>('/carriers/destructions', b),
  destruction: (id: string) => http.get<Destruction>(`/carriers/destructions/${encodeURIComponent(id)}`),
  destroy: (id: string, b: DestroyInput) =>
    http.post<Destruction>(`/carriers/destructions/${encodeURIComponent(id)}/destroy`, b),
  requestCopy: (id: string, b: CopyRequestInput) => http.post<CopyRequest>(`${one(id)}/copy-requests`, b),
  makeCopies: (requestId: string, firstCopyNumber?: string) =>
    http.post<CopyRequest>(
      `/carriers/copy-requests/${encodeURIComponent(requestId)}/make`,
      firstCopyNumber ? { firstCopyNumber } : {},
    ),
  requestTakeOut: (id: string, b: TakeOutInput) => http.post<TakeOut>(`${one(id)}/take-outs`, b),
  registerTakeOut: (requestId: string) =>
    http.post<TakeOut>(`/carriers/take-outs/${encodeURIComponent(requestId)}/out`, {}),
  bringBack: (id: string) => http.post<Carrier>(`${one(id)}/bring-back`, {}),
  where: (q: { personId?: string; departmentId?: string }) => http.get<WhereList>('/carriers/where', q),
  directory: () => http.get<Directory>('/directory'),
};
