import type { LevelPresets } from '@hallflow/shared';
import type { HallPolicies, PreventionLevelState } from '@hallflow/shared/api';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login, staffToken } from './helper.ts';

/**
 * LV1: the hall settings page saves each policy whole, naming the version it
 * edited (If-Match); a level switch or another save in between refuses the
 * save (409 POLICY_CHANGED) with nothing written, so the page reads again
 * instead of putting back the values the switch replaced.
 */
const policies = async (app: FastifyInstance, token: string) => (await app.inject({ method: 'GET', url: '/api/halls/demo/policies', headers: bearer(token) })).json<HallPolicies>();
const switchLevel = (app: FastifyInstance, token: string, level: 'normal' | 'elevated' | 'strict') =>
  app.inject({ method: 'POST', url: '/api/prevention-levels', headers: bearer(token), payload: { target: { hallId: 'demo' }, level, reason: '测试切换等级' } });

describe('a policy save names the version it edited', () => {
  it('[LV1][A12] a save of the appointment settings edited before a level switch is refused with POLICY_CHANGED and writes nothing; read again, it is taken', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const read = await policies(app, supervisor);
    expect((await switchLevel(app, supervisor, 'normal')).statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PUT',
      url: '/api/halls/demo/appointment-settings',
      headers: { ...bearer(supervisor), 'if-match': `"${read.versions.appointments}"` },
      payload: { ...read.appointments, placesPerSlot: 12 },
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'POLICY_CHANGED' });
    const after = await policies(app, supervisor);
    expect(after.appointments).toMatchObject({ walkIns: 'welcome', placesPerSlot: read.appointments.placesPerSlot });
    expect(after.versions.appointments).not.toBe(read.versions.appointments);

    const fresh = await app.inject({
      method: 'PUT',
      url: '/api/halls/demo/appointment-settings',
      headers: { ...bearer(supervisor), 'if-match': `"${after.versions.appointments}"` },
      payload: { ...after.appointments, placesPerSlot: 12 },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect((await policies(app, supervisor)).appointments).toMatchObject({ walkIns: 'welcome', placesPerSlot: 12 });
  });

  it('[LV1][LV10][H2][Q3] screening, hours and calling saves are refused the same way after a switch or another\'s save; a version still current, or no If-Match at all, is taken', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const read = await policies(app, admin);
    const put = (path: string, payload: object, ifMatch?: string) =>
      app.inject({ method: 'PUT', url: `/api/halls/demo/${path}`, headers: { ...bearer(admin), ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload });
    const tag = (version: string) => `"${version}"`;

    // Another save of the calling policy: a version read before it is stale; the one after is current.
    expect(read.calling.maxRecalls).not.toBe(4);
    expect((await put('calling-policy', { ...read.calling, maxRecalls: 4 })).statusCode).toBe(200);
    expect((await put('calling-policy', { ...read.calling, requeueMinutes: 5 }, tag(read.versions.calling))).statusCode).toBe(409);
    const afterCalling = await policies(app, admin);
    expect(afterCalling.calling).toMatchObject({ maxRecalls: 4, requeueMinutes: read.calling.requeueMinutes });
    expect((await put('calling-policy', { ...afterCalling.calling, requeueMinutes: 5 }, afterCalling.versions.calling)).statusCode).toBe(200);

    // A level switch rewrites the screening checks (and, with a preset that sets it, the extension of the hours).
    const presets = (await app.inject({ method: 'GET', url: '/api/halls/demo/prevention-level', headers: bearer(admin) })).json<{ presets: Record<string, object> }>().presets;
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/prevention-level/presets', headers: bearer(admin), payload: { ...presets, normal: { ...presets.normal, extendedMinutes: 60 } } })).statusCode).toBe(200);
    const beforeSwitch = await policies(app, admin);
    expect((await switchLevel(app, admin, 'normal')).statusCode).toBe(200);
    expect((await put('screening-policy', { ...beforeSwitch.screening, feverThresholdC: 37.5 }, tag(beforeSwitch.versions.screening))).statusCode).toBe(409);
    expect((await put('hours', { ...beforeSwitch.hours, lastTicketMinutes: 20 }, tag(beforeSwitch.versions.hours))).statusCode).toBe(409);
    const afterSwitch = await policies(app, admin);
    expect(afterSwitch.screening).toMatchObject({ feverThresholdC: beforeSwitch.screening.feverThresholdC, healthCodeRequired: false, symptomsRequired: false });
    expect(afterSwitch.hours).toMatchObject({ extendedMinutes: 60, lastTicketMinutes: beforeSwitch.hours.lastTicketMinutes });
    // Weak and unquoted tags name the same version; without If-Match a save replaces the policy as before.
    expect((await put('hours', { ...afterSwitch.hours, lastTicketMinutes: 20 }, `W/${tag(afterSwitch.versions.hours)}`)).statusCode).toBe(200);
    expect((await put('hours', { ...afterSwitch.hours, lastTicketMinutes: 25 }, (await policies(app, admin)).versions.hours)).statusCode).toBe(200);
    expect((await put('screening-policy', { ...afterSwitch.screening, feverThresholdC: 37.5 })).statusCode).toBe(200);
    expect((await policies(app, admin)).screening.feverThresholdC).toBe(37.5);
  });

  it('[LV1][LV9] a save of the level presets edited before another supervisor\'s save is refused with POLICY_CHANGED and writes nothing; a level switch leaves their version as it is; read again, the save is taken and keeps the other\'s change', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const level = async () => (await app.inject({ method: 'GET', url: '/api/halls/demo/prevention-level', headers: bearer(supervisor) })).json<PreventionLevelState>();
    const put = (token: string, presets: LevelPresets, version?: string) =>
      app.inject({ method: 'PUT', url: '/api/halls/demo/prevention-level/presets', headers: { ...bearer(token), ...(version ? { 'if-match': `"${version}"` } : {}) }, payload: presets });
    const read = await level();

    // A level switch applies a preset but does not change the presets: a version read before it is still current.
    expect((await switchLevel(app, admin, 'elevated')).statusCode).toBe(200);
    expect((await level()).presetsVersion).toBe(read.presetsVersion);

    // Another supervisor's save (without If-Match: replaces the presets as before) makes the version read earlier stale.
    const theirs = { ...read.presets, elevated: { ...read.presets.elevated, batchAboveSharePercent: 60 } };
    expect((await put(admin, theirs)).statusCode).toBe(200);
    const stale = await put(supervisor, { ...read.presets, normal: { ...read.presets.normal, extendedMinutes: 30 } }, read.presetsVersion);
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'POLICY_CHANGED' });
    const after = await level();
    expect(after.presets).toEqual(theirs);
    expect(after.presetsVersion).not.toBe(read.presetsVersion);

    const fresh = await put(supervisor, { ...after.presets, normal: { ...after.presets.normal, extendedMinutes: 30 } }, after.presetsVersion);
    expect(fresh.statusCode, fresh.body).toBe(200);
    const saved = (await level()).presets;
    expect(saved.elevated.batchAboveSharePercent).toBe(60);
    expect(saved.normal.extendedMinutes).toBe(30);
  });
});

describe('a save that changes nothing', () => {
  it('[LV1][C5] the crowd settings and the calling policy sent again unchanged write nothing and send no event; a real change still does', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const seq = async () => (await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(supervisor) })).json<{ seq: number }>().seq;
    const put = (url: string, payload: object) => app.inject({ method: 'PUT', url: `/api/halls/demo/${url}`, headers: bearer(supervisor), payload });
    const read = await policies(app, supervisor);
    const before = await seq();

    const crowd = await put('crowd-config', { crowd: {} });
    expect(crowd.statusCode, crowd.body).toBe(200);
    expect((await put('crowd-config', { holdingCapacity: crowd.json<{ hall: { holdingCapacity: number } }>().hall.holdingCapacity })).statusCode).toBe(200);
    expect((await put('calling-policy', read.calling)).statusCode).toBe(200);
    expect(await seq()).toBe(before);
    expect((await policies(app, supervisor)).versions).toEqual(read.versions);

    expect((await put('crowd-config', { holdingCapacity: 7 })).statusCode).toBe(200);
    expect(await seq()).toBeGreaterThan(before);
  });
});
