import { join } from 'node:path';
import { catalogueProblems, wordsOutsideCatalogues } from '@hallflow/shared/i18n/audit';
import { describe, expect, it } from 'vitest';
import { DICTIONARY } from '../src/lib/i18n.ts';

const source = join(import.meta.dirname, '../src');
/** The catalogue itself holds the words; everything else takes them from it. */
const CATALOGUE_FILES = ['lib/i18n.ts'];

describe('the clerk console speaks from its catalogue', () => {
  it('[EM2] every entry has Chinese and English, with the same placeholders', () => {
    expect(catalogueProblems(DICTIONARY)).toEqual([]);
  });

  it('[EM2] no component or module holds words of its own', () => {
    expect(wordsOutsideCatalogues(source, CATALOGUE_FILES)).toEqual({});
  });
});
