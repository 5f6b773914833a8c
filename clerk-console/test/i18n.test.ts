import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueProblems, chineseLiterals, hardCodedTexts } from '@hallflow/shared/i18n/audit';
import { describe, expect, it } from 'vitest';
import { DICTIONARY } from '../src/lib/i18n.ts';

const source = join(import.meta.dirname, '../src');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
/** The catalogue itself holds the words; everything else takes them from it. */
const CATALOGUE_FILE = 'lib/i18n.ts';

describe('the clerk console speaks from its catalogue', () => {
  it('[EM2] every entry has Chinese and English, with the same placeholders', () => {
    expect(catalogueProblems(DICTIONARY)).toEqual([]);
  });

  it('[EM2] no component or module holds words of its own', () => {
    const found: Record<string, string[]> = {};
    for (const file of files(source)) {
      const name = relative(source, file);
      if (name === CATALOGUE_FILE) continue;
      const text = readFileSync(file, 'utf8');
      const hits = file.endsWith('.svelte') ? hardCodedTexts(text) : file.endsWith('.ts') ? chineseLiterals(text) : [];
      if (hits.length > 0) found[name] = hits;
    }
    expect(found).toEqual({});
  });
});
