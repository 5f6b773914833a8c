const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** "A023" spoken as "A 零 二 三": a TTS voice reads each character, never "twenty-three". */
export function spokenTicketNumber(number: string): string {
  return [...number].map((ch) => (/\d/.test(ch) ? DIGITS[Number(ch)] : ch)).join(' ');
}

export interface CallText {
  /** What the screen shows. */
  display: string;
  /** What the voice says. */
  speech: string;
  lang: 'zh-CN' | 'en-US';
}

/** L5: the call as shown and spoken, e.g. 请 A023 号 到 3 号窗口办理. */
export function callText(ticketNumber: string, windowNumber: number, lang: 'zh' | 'en' = 'zh'): CallText {
  if (lang === 'en') {
    return {
      display: `Ticket ${ticketNumber}, please go to window ${windowNumber}`,
      speech: `Ticket ${[...ticketNumber].join(' ')}, please go to window ${windowNumber}`,
      lang: 'en-US',
    };
  }
  return {
    display: `请 ${ticketNumber} 号 到 ${windowNumber} 号窗口办理`,
    speech: `请 ${spokenTicketNumber(ticketNumber)} 号，到 ${windowNumber} 号窗口办理`,
    lang: 'zh-CN',
  };
}

/** L6: a batch at the entrance: 第12批 请以下人员入场：张*三 A001、李*四 A002. */
export function batchText(event: { batch: { number: number }; parties: { displayName: string; ticketId: string | null }[]; tickets: { id: string; number: string }[] }): CallText {
  const people = event.parties.map((party) => {
    const number = event.tickets.find((t) => t.id === party.ticketId)?.number ?? '';
    return { display: `${party.displayName} ${number}`.trim(), speech: `${party.displayName.replace(/\*/g, '某')} ${spokenTicketNumber(number)}`.trim() };
  });
  return {
    display: `第${event.batch.number}批 请以下人员入场：${people.map((p) => p.display).join('、')}`,
    speech: `第${event.batch.number}批，请以下人员入场：${people.map((p) => p.speech).join('，')}`,
    lang: 'zh-CN',
  };
}
