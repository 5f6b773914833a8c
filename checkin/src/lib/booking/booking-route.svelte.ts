import { hrefOf, viewOf, type BookingView } from './booking-route';

/** The page shown, kept in the address: going to a page pushes it on the history, Back and Forward come back to it. */
export class BookingRoute {
  #search = $state(location.search);

  constructor() {
    window.addEventListener('popstate', () => (this.#search = location.search));
  }

  get view(): BookingView {
    return viewOf(this.#search);
  }

  /** Shows another page; `replace` keeps the history as it is (a change of hall on the form). */
  go(view: BookingView, replace = false): void {
    const href = hrefOf(view);
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.#search = location.search;
    window.scrollTo(0, 0);
  }

  /** An <a> that goes to a page without reloading (a middle click or a new tab still works with its href). */
  link(view: BookingView) {
    return {
      href: hrefOf(view),
      onclick: (event: MouseEvent) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        this.go(view);
      },
    };
  }
}
