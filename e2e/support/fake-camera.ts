import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { outputDir } from './browser.ts';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A Y4M video of a QR code on a white page, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): the tablet's camera "sees" a
 * visitor holding up their confirmation. Greyscale 4:2:0, a few identical
 * frames (Chromium loops the file).
 */
export function qrCameraFile(suite: string, text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const scale = Math.floor(300 / modules);
  const left = Math.floor((WIDTH - modules * scale) / 2);
  const top = Math.floor((HEIGHT - modules * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < modules * scale; y++) {
    for (let x = 0; x < modules * scale; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * WIDTH + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const path = join(outputDir(suite), `camera-${text.replace(/\W/g, '_').slice(-16)}.y4m`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
  return path;
}

/** Chromium flags that give pages a camera playing `file`, without a permission prompt. */
export const fakeCameraArgs = (file: string) => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
