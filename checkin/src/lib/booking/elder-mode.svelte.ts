/**
 * EL1: the booking pages' elder-friendly mode (适老化): large type and high
 * contrast for the whole page, kept on this device until switched off.
 */
const KEY = 'hallflow.booking.elder';

export class ElderMode {
  on = $state(false);

  constructor(private readonly storage: Storage) {
    this.on = storage.getItem(KEY) === 'on';
    this.#apply();
  }

  toggle(): void {
    this.on = !this.on;
    this.storage.setItem(KEY, this.on ? 'on' : 'off');
    this.#apply();
  }

  #apply(): void {
    document.documentElement.classList.toggle('elder', this.on);
  }
}
