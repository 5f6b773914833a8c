import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueProblems, chineseLiterals, hardCodedTexts } from '@hallflow/shared/i18n/audit';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/lib/messages.ts';

const source = join(import.meta.dirname, '../src');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
/** The catalogues hold the words: the screens' messages, and the voice's numbers and phrases; everything else takes them from there. */
const CATALOGUE_FILES = ['lib/messages.ts', 'lib/announcement-text.ts'];

describe('the screens and the phone speaks from its catalogue', () => {
  it('[EM2] every entry has Chinese and English, with the same placeholders', () => {
    expect(catalogueProblems(MESSAGES)).toEqual([]);
  });

  it('[EM2] no component or module holds words of its own', () => {
    const found: Record<string, string[]> = {};
    for (const file of files(source)) {
      const name = relative(source, file);
      if (CATALOGUE_FILES.includes(name)) continue;
      const text = readFileSync(file, 'utf8');
      const hits = file.endsWith('.svelte') ? hardCodedTexts(text) : file.endsWith('.ts') ? chineseLiterals(text) : [];
      if (hits.length > 0) found[name] = hits;
    }
    expect(found).toEqual({});
  });
});
