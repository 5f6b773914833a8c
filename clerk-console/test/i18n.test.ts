import { join } from 'node:path';
import { STAFF_OPERATIONS } from '@hallflow/shared/i18n';
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

  it('[EM2][AU2] every operation the audit log names has Chinese and English', () => {
    expect(catalogueProblems(STAFF_OPERATIONS)).toEqual([]);
  });

  it('[EM2] no component or module holds words of its own', () => {
    expect(wordsOutsideCatalogues(source, CATALOGUE_FILES)).toEqual({});
  });
});
