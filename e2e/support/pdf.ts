import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** Width and height in millimetres. */
  widthMm: number;
  heightMm: number;
  /** The page's text, runs joined by spaces. */
  text: string;
}

const MM_PER_POINT = 25.4 / 72;

/**
 * Noto CJK maps a radical and its ideograph to one glyph, and pdf.js reads
 * such a glyph back as the radical (⼼ for 心, ⺠ for 民). NFKC folds the
 * Kangxi radicals (but to traditional forms where they differ, ⼾ to 戶); the
 * CJK radicals supplement has no folding. The simplified forms met on these
 * pages are listed here and take precedence.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = { '⼾': '户', '⺠': '民', '⻓': '长', '⻔': '门', '⻅': '见', '⻛': '风', '⻢': '马', '⻋': '车', '⻚': '页', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻩': '黄', '⻘': '青', '⻥': '鱼', '⻉': '贝', '⻄': '西', '⻆': '角', '⺟': '母', '⻨': '麦', '⻬': '齐', '⻭': '齿', '⻳': '龟', '⻙': '韦', '⻊': '足', '⻤': '鬼' };
const readable = (text: string) => text.replace(/[\u2E80-\u2FDF]/g, (radical) => RADICAL_SUPPLEMENT[radical] ?? radical).normalize('NFKC');

/** Prints a page to PDF as Chromium's print dialog would (its CSS @page size), and reads back each page's size and text. */
export async function printToPdf(page: Page): Promise<PdfPage[]> {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const pdfPage = await pdf.getPage(n);
    const viewport = pdfPage.getViewport({ scale: 1 });
    const content = await pdfPage.getTextContent();
    const text = readable(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    pages.push({ widthMm: viewport.width * MM_PER_POINT, heightMm: viewport.height * MM_PER_POINT, text });
  }
  await pdf.destroy();
  return pages;
}
