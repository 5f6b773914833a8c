import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/**
 * Reads the QR code in a screenshot as a phone's camera would: the PNG is
 * turned into pixels by the browser (a canvas), and jsQR finds and decodes
 * the code in them. Null when no code can be read.
 */
export async function decodeQr(page: Page, png: Buffer): Promise<string | null> {
  const pixels = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
  }, png.toString('base64'));
  const rgba = new Uint8ClampedArray(Buffer.from(pixels.rgba, 'base64'));
  return jsQR(rgba, pixels.width, pixels.height)?.data ?? null;
}
