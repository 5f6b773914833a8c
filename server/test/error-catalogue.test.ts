import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_MESSAGES, errorMessage } from '@hallflow/shared/i18n';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, found);
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

/** Every error code the server throws or a shared rule returns, read from their source. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/DomainError\(\s*\d{3},\s*'([A-Z_]+)'/g, /(?:conflict|badRequest)\(\s*'([A-Z_]+)'/g, /\bcode: '([A-Z_]+)'/g, /\['([A-Z_]+)', '(?:cancelled|rescheduled)'\]/g];
  for (const file of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'shared/src/domain'))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]!);
  }
  return codes;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every refusal has words in both languages', () => {
  it('[EM1] every error code the server or a shared rule can give is in the catalogue, in Chinese and English, with the same placeholders', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(50);
    const missing = [...codes].filter((code) => !(code in ERROR_MESSAGES));
    expect(missing).toEqual([]);
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(text.zh.length, code).toBeGreaterThan(0);
      expect(text.en.length, code).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(text.zh), `${code} in Chinese`).toBe(true);
      expect(placeholders(text.zh), code).toEqual(placeholders(text.en));
    }
  });

  it('[EM1] a refusal reaches the apps as a code and parameters; the catalogue turns it into a sentence naming the field, never the validator\'s wording', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const tooLong = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: { categoryId: 'demo-C', date: '2026-11-26', slot: '10:00', name: '张'.repeat(41), mobile: '13800138000', idNumber: '110101199003070011', partySize: 1 } });
    const body = tooLong.json<{ code: string; params: Record<string, string | number> }>();
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(body.params).toEqual({ field: 'name', rule: 'maxLength', limit: 40 });
    expect(errorMessage('zh', body.code, body.params)).toBe('「姓名」填写有误：太长（最多 40 个字）');
    expect(errorMessage('en', body.code, body.params)).toBe('Name: is too long (at most 40 characters)');
    const unknown = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'nope' } });
    expect(errorMessage('zh', unknown.json<{ code: string }>().code)).toBe('本厅没有这项业务');
    // Fastify's own refusals come with codes of ours.
    const wrongType = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: { ...bearer(admin), 'content-type': 'application/xml' }, payload: '<x/>' });
    expect(wrongType.json<{ code: string }>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
