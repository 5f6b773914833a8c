import { describe, expect, it } from 'vitest';
import { screenLink } from '../src/lib/supervisor/screen-link';

describe('the link a paired screen opens', () => {
  it('[L8] lobby and outdoor screens by kind; window screens and rating pads with their window number', () => {
    expect(screenLink('https://hall.example.cn', 'lobby', 'tok')).toBe('https://hall.example.cn/display/lobby?device=tok');
    expect(screenLink('https://hall.example.cn', 'outdoor', 'tok')).toBe('https://hall.example.cn/display/outdoor?device=tok');
    expect(screenLink('https://hall.example.cn', 'window', 'tok', 5)).toBe('https://hall.example.cn/display/window/5?device=tok');
    expect(screenLink('https://hall.example.cn', 'rating', 'a+b', 3)).toBe('https://hall.example.cn/display/rating/3?device=a%2Bb');
  });
});
