// The one function of the `qrcode` package the web app uses (it ships no types of its own).
declare module 'qrcode' {
  export function toDataURL(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; margin?: number; width?: number },
  ): Promise<string>;
  const qrcode: { toDataURL: typeof toDataURL };
  export default qrcode;
}
