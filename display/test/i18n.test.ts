import { join } from 'node:path';
import { catalogueProblems, wordsOutsideCatalogues } from '@hallflow/shared/i18n/audit';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/lib/messages.ts';

const source = join(import.meta.dirname, '../src');
/** The catalogues hold the words: the screens' messages, and the voice's numbers and phrases; everything else takes them from there. */
const CATALOGUE_FILES = ['lib/messages.ts', 'lib/announcement-text.ts'];

describe('the screens and the phone speaks from its catalogue', () => {
  it('[EM2] every entry has Chinese and English, with the same placeholders', () => {
    expect(catalogueProblems(MESSAGES)).toEqual([]);
  });

  it('[EM2] no component or module holds words of its own', () => {
    expect(wordsOutsideCatalogues(source, CATALOGUE_FILES)).toEqual({});
  });
});
