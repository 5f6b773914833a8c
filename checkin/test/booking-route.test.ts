import { describe, expect, it } from 'vitest';
import { hrefOf, viewOf, type BookingView } from '../src/lib/booking/booking-route';

describe('the booking pages have their own addresses', () => {
  it('[A20] every page reads back from its own address, so a reload or Back shows it again', () => {
    const views: BookingView[] = [
      { kind: 'book', hallId: 'demo' },
      { kind: 'confirmation', hallId: 'north', code: 'ABCD2345', just: 'booked' },
      { kind: 'confirmation', hallId: 'demo', code: 'ABCD2345', just: 'moved' },
      { kind: 'confirmation', hallId: 'demo', code: 'ABCD2345', just: null },
      { kind: 'manage', hallId: 'demo', code: 'ABCD2345' },
      { kind: 'find', hallId: 'demo' },
    ];
    for (const view of views) expect(viewOf(hrefOf(view))).toEqual(view);
    expect(hrefOf({ kind: 'find', hallId: 'demo' })).toBe('?hall=demo&find');
    expect(hrefOf({ kind: 'confirmation', hallId: 'demo', code: 'ABCD2345', just: 'booked' })).toBe('?hall=demo&appointment=ABCD2345&booked');
  });

  it('[A20][A15] an address without a hall is the demo hall\'s form; ?code= (the link the door reads too) is the change page', () => {
    expect(viewOf('')).toEqual({ kind: 'book', hallId: 'demo' });
    expect(viewOf('?code=ABCD2345')).toEqual({ kind: 'manage', hallId: 'demo', code: 'ABCD2345' });
  });
});
