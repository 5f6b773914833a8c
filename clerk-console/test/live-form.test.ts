import { ApiError } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { LiveForm } from '../src/lib/supervisor/live-form.svelte.ts';

/** LV1: a form's save reads the policy, merges, and sends it naming the version it merged onto. */
describe('a settings form saves what its user changed onto the policy as the server has it', () => {
  type Policy = { walkIns: string; placesPerSlot: number };
  const same = (policy: Policy) => policy;

  it('[LV1] refused because a level switch came between its read and its save, it reads and merges again and resends', async () => {
    const form = new LiveForm<Policy>({ walkIns: 'on_site_if_free', placesPerSlot: 10 });
    form.draft.placesPerSlot = 12;
    const reads = [
      { value: { walkIns: 'on_site_if_free', placesPerSlot: 10 }, version: 'v1' },
      { value: { walkIns: 'welcome', placesPerSlot: 10 }, version: 'v2' },
    ];
    const sent: { fields: Policy; version: string }[] = [];
    await form.save(
      async () => reads.shift()!,
      same,
      async (fields, _policy, version) => {
        sent.push({ fields, version });
        if (version === 'v1') throw new ApiError(409, 'POLICY_CHANGED', 'changed');
        return fields;
      },
    );
    expect(sent).toEqual([
      { fields: { walkIns: 'on_site_if_free', placesPerSlot: 12 }, version: 'v1' },
      { fields: { walkIns: 'welcome', placesPerSlot: 12 }, version: 'v2' },
    ]);
    expect(form.draft).toEqual({ walkIns: 'welcome', placesPerSlot: 12 });
    expect(form.base).toEqual({ walkIns: 'welcome', placesPerSlot: 12 });
  });

  it('[LV1] another refusal is the user\'s to read, and a policy that keeps changing gives up after three tries', async () => {
    const form = new LiveForm<Policy>({ walkIns: 'welcome', placesPerSlot: 10 });
    form.draft.placesPerSlot = 12;
    let tries = 0;
    const latest = async () => ({ value: { walkIns: 'welcome', placesPerSlot: 10 }, version: `v${++tries}` });
    await expect(form.save(latest, same, async () => Promise.reject(new ApiError(409, 'POLICY_CHANGED', 'changed')))).rejects.toMatchObject({ code: 'POLICY_CHANGED' });
    expect(tries).toBe(3);
    tries = 0;
    await expect(form.save(latest, same, async () => Promise.reject(new ApiError(400, 'VALIDATION_ERROR', 'bad')))).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(tries).toBe(1);
  });

  it('[LV1] a field the server changed while the user was changing it too keeps the user\'s value and is said; a save clears the note', async () => {
    const form = new LiveForm<Policy>({ walkIns: 'on_site_if_free', placesPerSlot: 10 });
    form.draft.walkIns = 'appointment_only';
    form.follow({ walkIns: 'welcome', placesPerSlot: 11 });
    expect(form.draft).toEqual({ walkIns: 'appointment_only', placesPerSlot: 11 });
    expect(form.changedMeanwhile).toBe(true);
    await form.save(async () => ({ value: { walkIns: 'welcome', placesPerSlot: 11 }, version: 'v' }), same, async (fields) => fields);
    expect(form.changedMeanwhile).toBe(false);
  });

  it('[LV1] a form with nothing changed, or changed to what the server was given meanwhile, sends nothing and says it is saved', async () => {
    const form = new LiveForm<Policy>({ walkIns: 'welcome', placesPerSlot: 10 });
    expect(form.changed).toBe(false);
    form.draft.placesPerSlot = 12;
    expect(form.changed).toBe(true);
    form.draft.placesPerSlot = 10;
    expect(form.changed).toBe(false);

    // The user types 12; another supervisor saves 12 before this save reads the policy.
    form.draft.placesPerSlot = 12;
    let sent = 0;
    await form.save(async () => ({ value: { walkIns: 'welcome', placesPerSlot: 12 }, version: 'v2' }), same, async (fields) => (sent++, fields));
    expect(sent).toBe(0);
    expect(form.changed).toBe(false);
    expect(form.base).toEqual({ walkIns: 'welcome', placesPerSlot: 12 });
  });
});
