// The device camera as a QR scanner for the inventory (R-CAR-09): @zxing/browser decodes in the browser,
// bundled with the app (no network). Loaded on first use by dynamic import, so the decoder is its own
// chunk and never weighs on the main one.
export interface CameraScan {
  stop: () => void;
}

/** Starts the camera in `video` and calls `onText` with each decoded QR text until stopped. */
export async function startCameraScan(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<CameraScan> {
  const { BrowserQRCodeReader } = await import('@zxing/browser');
  const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 200 });
  const controls = await reader.decodeFromConstraints(
    { video: { facingMode: 'environment' } },
    video,
    (result) => {
      if (result) onText(result.getText());
    },
  );
  return { stop: () => controls.stop() };
}
