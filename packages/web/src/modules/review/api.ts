// The review endpoints (server: packages/server/src/review). Types from the contract. Files go up as
// raw bodies (the JSON client does not send files).
import type {
  DecideInput,
  ReviewCreate,
  ReviewDetail,
  ReviewPage,
  ReviewSettings,
  TermImport,
  TermImportResult,
  TermInput,
  TermPage,
} from '@baomi/api/review/contract.ts';
import { ApiError, http, type Query, queryString, readCookie } from '../../app/api.ts';

export type { Hit, Review, ReviewDetail, ReviewFileReport, Term } from '@baomi/api/review/contract.ts';

const one = (id: string) => `/review/${encodeURIComponent(id)}`;

async function upload<T>(path: string, file: File, q: Query): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  };
  const csrf = readCookie('baomi_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api${path}${queryString({ fileName: file.name, ...q })}`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, {
      code: 'http_0',
      zh: '无法连接服务器，请检查网络后重试',
      en: 'Cannot reach the server',
    });
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data as { error?: ConstructorParameters<typeof ApiError>[1] } | null)?.error;
    throw new ApiError(
      res.status,
      err && typeof err.zh === 'string'
        ? err
        : {
            code: `http_${res.status}`,
            zh: `上传失败（${res.status}）`,
            en: `Upload failed (${res.status})`,
          },
    );
  }
  return data as T;
}

export const reviewApi = {
  list: (q: Query) => http.get<ReviewPage>('/review', q),
  exportUrl: (format: 'xlsx' | 'csv', q: Query) => `/api/review/export${queryString({ format, ...q })}`,
  formUrl: (id: string) => `/api${one(id)}/form`,
  fileUrl: (id: string, fileId: string) => `/api${one(id)}/files/${encodeURIComponent(fileId)}`,
  settings: () => http.get<ReviewSettings>('/review/settings'),
  detail: (id: string) => http.get<ReviewDetail>(one(id)),
  create: (b: ReviewCreate) => http.post<ReviewDetail>('/review', b),
  upload: (id: string, file: File, replaces?: string) =>
    upload<ReviewDetail>(`${one(id)}/files`, file, replaces ? { replaces } : {}),
  removeFile: (id: string, fileId: string) =>
    http.del<ReviewDetail>(`${one(id)}/files/${encodeURIComponent(fileId)}`),
  submit: (id: string, version: number) => http.post<ReviewDetail>(`${one(id)}/submit`, { version }),
  withdraw: (id: string, version: number) => http.post<ReviewDetail>(`${one(id)}/withdraw`, { version }),
  decide: (id: string, b: DecideInput) => http.post<ReviewDetail>(`${one(id)}/decide`, b),
  terms: (q: Query) => http.get<TermPage>('/review/terms', q),
  importTerms: (b: TermImport) => http.post<TermImportResult>('/review/terms/import', b),
  addTerm: (b: TermInput) => http.post<{ version: number }>('/review/terms', b),
  updateTerm: (id: string, b: TermInput) =>
    http.put<{ version: number }>(`/review/terms/${encodeURIComponent(id)}`, b),
  deleteTerm: (id: string) => http.del<{ version: number }>(`/review/terms/${encodeURIComponent(id)}`),
};
