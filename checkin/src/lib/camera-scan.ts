import { appointmentCodeFromScan } from '@hallflow/shared';
import jsQR from 'jsqr';

/** What the camera saw: an appointment code, or a QR that is not one (A15). */
export type ScanResult = { kind: 'code'; code: string } | { kind: 'not_appointment'; text: string };

/** Frames are decoded at this size at most: enough for a phone screen held up to a tablet, cheap on a 2-core tablet. */
const MAX_WIDTH = 640;
const INTERVAL_MS = 150;

/** No camera on this device, or the page is not served over HTTPS (browsers then hide the camera). */
export class NoCameraError extends Error {}

/**
 * A15: reads appointment QR codes from the device camera, in the browser
 * (jsQR); no image leaves the device. `start` asks for the back camera and
 * decodes a frame every 150 ms until `stop`.
 */
export class CameraScan {
  #stream: MediaStream | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #canvas = document.createElement('canvas');

  constructor(private readonly onResult: (result: ScanResult) => void) {}

  async start(video: HTMLVideoElement): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) throw new NoCameraError();
    this.#stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    video.srcObject = this.#stream;
    await video.play();
    this.#timer = setInterval(() => this.#decode(video), INTERVAL_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
  }

  #decode(video: HTMLVideoElement): void {
    if (video.readyState < video.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    this.#canvas.width = width;
    this.#canvas.height = height;
    const context = this.#canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.drawImage(video, 0, 0, width, height);
    const found = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'attemptBoth' });
    if (!found) return;
    const code = appointmentCodeFromScan(found.data);
    this.onResult(code ? { kind: 'code', code } : { kind: 'not_appointment', text: found.data });
  }
}
