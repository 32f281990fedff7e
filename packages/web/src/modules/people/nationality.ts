// Nationality is free text on the server (default 中国); the form offers the common ones.
export const NATIONALITIES: { zh: string; en: string }[] = [
  { zh: '中国', en: 'China' },
  { zh: '美国', en: 'United States' },
  { zh: '英国', en: 'United Kingdom' },
  { zh: '日本', en: 'Japan' },
  { zh: '韩国', en: 'Korea' },
  { zh: '俄罗斯', en: 'Russia' },
  { zh: '德国', en: 'Germany' },
  { zh: '法国', en: 'France' },
  { zh: '加拿大', en: 'Canada' },
  { zh: '澳大利亚', en: 'Australia' },
  { zh: '新加坡', en: 'Singapore' },
];

export { DEFAULT_NATIONALITY } from '@baomi/api/people.ts';

export function nationalityLabel(value: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return value;
  const n = NATIONALITIES.find((x) => x.zh === value.trim());
  return n ? n.en : value;
}
