import type { Speaker } from './announcer';

/** Rough speaking time, used when the browser has no voice (headless, or a TV without zh-CN): the queue still moves. */
const silentDuration = (text: string) => Math.min(6_000, 120 * [...text].length);

/**
 * The browser's speech synthesis (zh-CN by default) with a short two-tone
 * chime from Web Audio (no audio files to load).
 */
export class BrowserSpeaker implements Speaker {
  #audio: AudioContext | null = null;

  async chime(): Promise<void> {
    try {
      this.#audio ??= new AudioContext();
      const context = this.#audio;
      // Created before any click, the context starts suspended; it resumes after the first gesture (the settings' test button).
      if (context.state === 'suspended') void context.resume();
      for (const [offset, frequency] of [
        [0, 880],
        [0.35, 660],
      ] as const) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.2, context.currentTime + offset);
        gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + offset + 0.3);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(context.currentTime + offset);
        oscillator.stop(context.currentTime + offset + 0.3);
      }
    } catch {
      // No audio device: the voice (or its stand-in) still follows.
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
  }

  say(text: string, lang: string, volume: number): Promise<void> {
    const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
    const voice = synth?.getVoices().find((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
    if (!synth || !voice) return new Promise((resolve) => setTimeout(resolve, silentDuration(text)));
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.voice = voice;
      utterance.volume = volume;
      utterance.rate = 0.9;
      // Some engines never fire onend: never let one utterance stall the queue.
      const guard = setTimeout(resolve, silentDuration(text) + 5_000);
      utterance.onend = utterance.onerror = () => {
        clearTimeout(guard);
        resolve();
      };
      synth.speak(utterance);
    });
  }
}
