// Test fixtures for OCR: a PNG with Chinese text, drawn with @napi-rs/canvas (installed with pdfjs-dist)
// in the CJK font the PDF fixtures use. Used by the scanner's OCR tests and the review module's.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Canvas {
  getContext(t: '2d'): {
    fillStyle: string;
    font: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    fillText(s: string, x: number, y: number): void;
  };
  toBuffer(t: 'image/png'): Buffer;
}

/** A PNG with a marking and a term, drawn in the CJK font the PDF fixtures use. */
export function chinesePng(lines: readonly string[] = ['机密★5年', '导弹发射阵地']): Uint8Array {
  const { createCanvas, GlobalFonts } = require('@napi-rs/canvas') as {
    createCanvas(w: number, h: number): Canvas;
    GlobalFonts: { registerFromPath(p: string, name: string): boolean };
  };
  GlobalFonts.registerFromPath(
    require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    'NotoSansSC',
  );
  const c = createCanvas(640, 200);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 640, 200);
  g.fillStyle = '#000';
  g.font = '48px NotoSansSC';
  for (const [i, line] of lines.entries()) g.fillText(line, 20, 70 + i * 80);
  return new Uint8Array(c.toBuffer('image/png'));
}
