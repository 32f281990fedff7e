// The ledger import (raw .xlsx uploads: the JSON client does not send files) and the QR label sheet's
// address. Types from the contract (@baomi/api/carriers/import.ts).
import type { ImportPreview, ImportResult } from '@baomi/api/carriers/import.ts';
import { INPUT_LIMITS } from '@baomi/api/carriers/labels.ts';
import { ApiError, type Query, queryString, readCookie } from '../../app/api.ts';

export type { ImportPreview, ImportPreviewRow, ImportResult } from '@baomi/api/carriers/import.ts';
/** The most carriers a selection names (the contract's id list: INPUT_LIMITS.destructionItems). */
export const MAX_LABELS = INPUT_LIMITS.destructionItems;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload<T>(path: string, file: File, q: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': XLSX };
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
      en: 'Cannot reach the server; check the network and retry',
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

export const importApi = {
  templateUrl: '/api/carriers/import/template',
  preview: (file: File) => upload<ImportPreview>('/carriers/import/preview', file, {}),
  commit: (file: File, sha256: string) => upload<ImportResult>('/carriers/import', file, { sha256 }),
  /** The QR label sheet (PDF) of the ledger's filter, a batch, or chosen carriers. */
  labelsUrl: (q: Query) => `/api/carriers/labels${queryString(q)}`,
};
