import { join } from 'node:path';
import { catalogueProblems, wordsOutsideCatalogues } from '@hallflow/shared/i18n/audit';
import { describe, expect, it } from 'vitest';
import { TEXT } from '../src/lib/booking/booking-i18n.ts';
import { TEXT as KIOSK_TEXT } from '../src/lib/kiosk/kiosk-i18n.ts';
import { DICTIONARY as PRINT_TEXT } from '../src/lib/print/print-i18n.ts';
import { DICTIONARY } from '../src/lib/i18n.ts';

const source = join(import.meta.dirname, '../src');
/** The catalogues themselves hold the words (the door's, the visitor's booking pages', the terminal's and the printouts'); everything else takes them from there. */
const CATALOGUE_FILES = ['lib/i18n.ts', 'lib/booking/booking-i18n.ts', 'lib/kiosk/kiosk-i18n.ts', 'lib/print/print-i18n.ts'];

describe('the door and booking app speaks from its catalogue', () => {
  it('[EM2] every entry has Chinese and English, with the same placeholders', () => {
    expect(catalogueProblems(DICTIONARY)).toEqual([]);
    expect(catalogueProblems(TEXT)).toEqual([]);
    expect(catalogueProblems(KIOSK_TEXT)).toEqual([]);
    expect(catalogueProblems(PRINT_TEXT)).toEqual([]);
  });

  it('[EM2] no component or module holds words of its own', () => {
    expect(wordsOutsideCatalogues(source, CATALOGUE_FILES)).toEqual({});
  });
});
