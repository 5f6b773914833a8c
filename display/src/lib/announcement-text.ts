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

/** L6: a batch at the entrance, by ticket number only (PV2): 第12批 请以下人员入场：A001、A002. */
export function batchText(batch: { number: number; ticketNumbers: readonly string[] }): CallText {
  return {
    display: `第${batch.number}批 请以下人员入场：${batch.ticketNumbers.join('、')}`,
    speech: `第${batch.number}批，请以下人员入场：${batch.ticketNumbers.map(spokenTicketNumber).join('，')}`,
    lang: 'zh-CN',
  };
}
