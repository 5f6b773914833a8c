import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SPEC.md and the tests must agree: every rule has a test carrying its ID,
 * and every ID a test names is a rule. When they disagree one of them is wrong.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'test-output', 'data']);

function files(dir: string, match: (name: string) => boolean, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, match, found);
    else if (match(name)) found.push(path);
  }
  return found;
}

function specRuleIds(): Set<string> {
  const spec = readFileSync(join(ROOT, 'docs', 'SPEC.md'), 'utf8');
  return new Set([...spec.matchAll(/^\s*[-*]\s+\*\*([A-Z]{1,2}\d+[a-z]?)\*\*/gm)].map((m) => m[1]!));
}

function testedIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of files(ROOT, (name) => /\.test\.ts$/.test(name))) {
    const text = readFileSync(file, 'utf8');
    for (const title of text.matchAll(/\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*[`'"]((?:\[[A-Z]{1,2}\d+[a-z]?\])+)/g)) {
      for (const id of title[1]!.matchAll(/\[([A-Z]{1,2}\d+[a-z]?)\]/g)) ids.add(id[1]!);
    }
  }
  return ids;
}

describe('spec and tests agree', () => {
  it('[R0] every rule in docs/SPEC.md has at least one test named with its ID', () => {
    const tested = testedIds();
    const untested = [...specRuleIds()].filter((id) => !tested.has(id));
    expect(untested).toEqual([]);
  });

  it('[R0] every rule ID a test names is defined in docs/SPEC.md', () => {
    const rules = specRuleIds();
    const unknown = [...testedIds()].filter((id) => !rules.has(id));
    expect(unknown).toEqual([]);
  });
});
