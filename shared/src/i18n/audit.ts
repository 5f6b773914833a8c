import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Bilingual } from './index.ts';

/**
 * Checks behind "every string a person reads comes from a catalogue, in both
 * languages": run by each app's i18n test over its own catalogue and sources.
 */

const WORDS = /[\u3400-\u9fff]|[A-Za-z]{2,}/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).toSorted();

/** What is wrong with a catalogue: an empty text, Chinese without Chinese, English with Chinese, or placeholders that differ. */
export function catalogueProblems(catalogue: Record<string, Bilingual>): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    // A pass-through of words a shared rule already gives in both languages ({zh} / {en}).
    if (/^\{\w+\}$/.test(entry.zh) && /^\{\w+\}$/.test(entry.en)) continue;
    if (!entry.zh.trim() || !entry.en.trim()) problems.push(`${key}: a language is empty`);
    // Chinese text, or the same symbols and names in both languages (°C, 12345, OK).
    if (!/[\u3400-\u9fff]/.test(entry.zh) && /[A-Za-z]/.test(entry.zh.replace(/\{\w+\}/g, '')) && entry.zh !== entry.en) problems.push(`${key}: zh is not Chinese`);
    if (/[\u3400-\u9fff]/.test(entry.en)) problems.push(`${key}: en holds Chinese`);
    const zh = placeholders(entry.zh);
    for (const name of placeholders(entry.en)) if (!zh.includes(name)) problems.push(`${key}: {${name}} only in en`);
  }
  return problems;
}

/** Splits markup into its text with `{…}` expressions blanked out (nested braces included), and the expressions' code. */
function splitExpressions(markup: string): { text: string; code: string } {
  let depth = 0;
  let text = '';
  let code = '';
  for (const char of markup) {
    if (char === '{') depth++;
    text += depth > 0 ? ' ' : char;
    if (depth > 0) code += char;
    if (char === '}' && depth > 0 && --depth === 0) code += '\n';
  }
  return { text, code };
}

/** Chinese string literals in code (comments left out): words a person reads that belong in a catalogue. */
export function chineseLiterals(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...withoutComments.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((match) => match[2]!).filter((text) => /[\u3400-\u9fff]/.test(text));
}

/**
 * Text a Svelte component holds itself instead of taking it from a
 * catalogue: words between tags, in text attributes (title, placeholder,
 * aria-label, alt, label), and Chinese string literals in its script and
 * in the expressions of its markup.
 */
export function hardCodedTexts(svelteSource: string): string[] {
  const scripts = [...svelteSource.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  const { text: markup, code } = splitExpressions(svelteSource.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, ''));
  const found: string[] = [];
  for (const match of markup.matchAll(/>([^<>]+)</g)) {
    const text = match[1]!.trim();
    if (WORDS.test(text)) found.push(text);
  }
  for (const match of markup.matchAll(/\b(title|placeholder|aria-label|alt|label)="([^"]*)"/g)) if (WORDS.test(match[2]!)) found.push(match[0]);
  for (const script of [...scripts, code]) found.push(...chineseLiterals(script));
  return found;
}

/**
 * Every source file under `sourceDir` (a `src` folder) that holds words of
 * its own, with those words; the app's catalogue files (paths relative to
 * `sourceDir`) are left out. Only the apps' tests call it (it reads files).
 */
export function wordsOutsideCatalogues(sourceDir: string, catalogueFiles: readonly string[]): Record<string, string[]> {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
  const found: Record<string, string[]> = {};
  for (const file of files(sourceDir)) {
    const name = relative(sourceDir, file);
    if (catalogueFiles.includes(name)) continue;
    const text = readFileSync(file, 'utf8');
    const hits = file.endsWith('.svelte') ? hardCodedTexts(text) : file.endsWith('.ts') ? chineseLiterals(text) : [];
    if (hits.length > 0) found[name] = hits;
  }
  return found;
}
