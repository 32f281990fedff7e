// The 清查清退 endpoints (server: packages/server/src/carriers/campaigns.routes.ts). Types from the contract.
import type {
  CampaignDetail,
  CampaignInput,
  CampaignItem,
  CampaignPage,
  ConfirmInput,
  FoundInput,
} from '@baomi/api/carriers/campaigns.ts';
import type { Carrier } from '@baomi/api/carriers.ts';
import { http, type Query, queryString } from '../../app/api.ts';

export type { Campaign, CampaignDetail, CampaignItem } from '@baomi/api/carriers/campaigns.ts';

const one = (id: string) => `/carriers/campaigns/${encodeURIComponent(id)}`;

export const campaignsApi = {
  list: (q: Query) => http.get<CampaignPage>('/carriers/campaigns', q),
  open: (b: CampaignInput) => http.post<CampaignDetail>('/carriers/campaigns', b),
  detail: (id: string) => http.get<CampaignDetail>(one(id)),
  confirm: (id: string, carrierId: string, b: ConfirmInput) =>
    http.post<CampaignItem>(`${one(id)}/items/${encodeURIComponent(carrierId)}/confirm`, b),
  close: (id: string) => http.post<CampaignDetail>(`${one(id)}/close`, {}),
  exportUrl: (id: string, format: 'xlsx' | 'csv') =>
    `/api/carriers/campaigns/${encodeURIComponent(id)}/export${queryString({ format })}`,
  found: (carrierId: string, b: FoundInput) =>
    http.post<Carrier>(`/carriers/${encodeURIComponent(carrierId)}/found`, b),
};
