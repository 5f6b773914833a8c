import { describe, expect, it } from 'vitest';
import { batchText, callText, spokenTicketNumber } from '../src/lib/announcement-text';
import { Announcer, type Speaker } from '../src/lib/announcer';
import { isStillCurrent, recentCalls } from '../src/lib/call-selection';
import type { CallView, PublicTicketView } from '@hallflow/shared';
import { aPublicHall, aPublicTicket, aPublicWindow } from '../../shared/test/support/views.ts';

/** A speaker whose utterances finish only when the test says so. */
class ManualSpeaker implements Speaker {
  readonly said: string[] = [];
  #finish: (() => void)[] = [];
  chime() {
    return Promise.resolve();
  }
  say(text: string) {
    this.said.push(text);
    return new Promise<void>((resolve) => this.#finish.push(resolve));
  }
  async finishOne() {
    this.#finish.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('voice announcements', () => {
  it('[L5] the call text, and digits spoken one by one', () => {
    expect(spokenTicketNumber('A023')).toBe('A 零 二 三');
    expect(callText('A023', 5)).toEqual({ display: '请 A023 号 到 5 号窗口办理', speech: '请 A 零 二 三 号，到 5 号窗口办理', lang: 'zh-CN' });
    expect(callText('A023', 5, 'en').display).toBe('Ticket A023, please go to window 5');
  });

  it('[L6][PV2] a batch is announced by its ticket numbers, never by name', () => {
    const text = batchText({ number: 12, ticketNumbers: ['A001', 'A002'] });
    expect(text.display).toBe('第12批 请以下人员入场：A001、A002');
    expect(text.speech).toBe('第12批，请以下人员入场：A 零 零 一，A 零 零 二');
  });

  it('[L3] a new call waits for the one being spoken, each is said twice, and a recall is queued again', async () => {
    const speaker = new ManualSpeaker();
    const announcer = new Announcer(speaker, { repeat: 2 });
    announcer.announce('t1@1', callText('A001', 1));
    await new Promise((r) => setTimeout(r, 0));
    announcer.announce('t2@2', callText('B001', 2));
    announcer.announce('t1@3', callText('A001', 1)); // recall
    expect(speaker.said).toEqual(['请 A 零 零 一 号，到 1 号窗口办理']);
    expect(announcer.records.map((r) => r.status)).toEqual(['speaking', 'queued', 'queued']);
    for (let i = 0; i < 6; i++) await speaker.finishOne();
    const a = '请 A 零 零 一 号，到 1 号窗口办理';
    const b = '请 B 零 零 一 号，到 2 号窗口办理';
    expect(speaker.said).toEqual([a, a, b, b, a, a]);
    expect(announcer.records.every((r) => r.status === 'done')).toBe(true);
    expect(announcer.pending).toBe(0);
  });

  it('[L3] the record of announcements stays bounded on a screen that runs for weeks', async () => {
    const speaker: Speaker = { chime: () => Promise.resolve(), say: () => Promise.resolve() };
    const announcer = new Announcer(speaker, { keep: 50 });
    for (let i = 0; i < 500; i++) {
      announcer.announce(`t${i}`, callText('A001', 1));
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(announcer.records.length).toBeLessThanOrEqual(51);
  });

  it('[L3] turned off, nothing is queued', () => {
    const announcer = new Announcer({ chime: () => Promise.resolve(), say: () => Promise.resolve() }, { enabled: false });
    expect(announcer.announce('t', callText('A001', 1))).toBeNull();
    expect(announcer.records).toEqual([]);
  });
});

const ticket = (over: Partial<PublicTicketView>): PublicTicketView =>
  aPublicTicket({ state: 'called', windowId: 'w1', calledAt: '2026-11-25T02:10:00.000Z', callCount: 1, ...over });
const hall = (tickets: PublicTicketView[], currentTicketId: string | null) => aPublicHall({ windows: [aPublicWindow({ currentTicketId })], tickets });

describe('what a screen shows and says after an outage', () => {
  const now = Date.parse('2026-11-25T02:11:00.000Z');
  it('[L2] a missed call is announced only while it is still current and recent', () => {
    const call = { ticketId: 't1', windowId: 'w1' };
    expect(isStillCurrent(call, hall([ticket({})], 't1'), now)).toBe(true);
    expect(isStillCurrent(call, hall([ticket({ state: 'serving' })], 't1'), now)).toBe(false);
    expect(isStillCurrent(call, hall([ticket({ state: 'no_show' })], null), now)).toBe(false);
    expect(isStillCurrent(call, hall([ticket({})], 't1'), now + 5 * 60_000)).toBe(false);
  });

  it("[L1] the lobby lists today's calls newest first, at windows that exist", () => {
    const call = (ticketId: string, number: string, at: string, windowId = 'w1', withdrawn = false): CallView => ({ ticketId, number, windowId, windowNumber: 1, at, recall: false, withdrawn });
    const state = aPublicHall({
      windows: [aPublicWindow({})],
      calls: [
        call('b', 'A002', '2026-11-25T02:03:00.000Z'),
        call('x', 'A009', '2026-11-25T02:02:00.000Z', 'w-gone'),
        call('a', 'A001', '2026-11-25T02:01:00.000Z'),
        call('w', 'A007', '2026-11-25T02:00:30.000Z', 'w1', true),
        call('y', 'A000', '2026-11-24T08:00:00.000Z'),
      ],
    });
    expect(recentCalls(state, '2026-11-25').map((c) => c.number)).toEqual(['A002', 'A001']);
    // A new day (in the hall's zone) starts with no calls on the lobby: it shows a welcome instead.
    expect(recentCalls(state, '2026-11-26')).toEqual([]);
  });
});

describe('a stuck voice', () => {
  it('[L3] while one announcement hangs, at most maxPending wait; the oldest waiting are dropped and the hook says so', async () => {
    const hang: Speaker = { chime: () => Promise.resolve(), say: () => new Promise<void>(() => undefined) };
    const announcer = new Announcer(hang, { maxPending: 3, now: () => Date.parse('2026-11-25T02:00:00.000Z') });
    for (let i = 1; i <= 6; i++) announcer.announce(`t${i}`, callText(`A00${i}`, 1));
    await new Promise((r) => setTimeout(r, 0));
    expect(announcer.records.map((r) => `${r.text}:${r.status}`)).toEqual([
      '请 A001 号 到 1 号窗口办理:speaking',
      '请 A002 号 到 1 号窗口办理:dropped',
      '请 A003 号 到 1 号窗口办理:dropped',
      '请 A004 号 到 1 号窗口办理:queued',
      '请 A005 号 到 1 号窗口办理:queued',
      '请 A006 号 到 1 号窗口办理:queued',
    ]);
    expect(announcer.pending).toBe(4);
    expect(announcer.records[0]).toMatchObject({ lang: 'zh-CN', at: '2026-11-25T02:00:00.000Z' });
  });
});
