/** The answer to the last action on a panel: what went wrong, or what was done. */
export class Feedback {
  error = $state('');
  notice = $state('');

  /** Runs an action; a thrown error becomes the message shown, and `done` the notice on success. */
  async run(action: () => Promise<unknown>, done = ''): Promise<boolean> {
    this.error = '';
    this.notice = '';
    try {
      await action();
      this.notice = done;
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }
}
