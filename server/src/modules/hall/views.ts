import type { BatchView, CategoryView, HallInfo, PartyView, TicketView, WindowView } from '@hallflow/shared';
import { entryRules, hallCapacity, levelRules } from '@hallflow/shared';
import { callingSettings, screeningPolicy } from './hall-policy.ts';
import { rulesInForce } from './level-policy.ts';
import type { batches, categories, halls, parties, tickets, windows } from '../../db/schema/index.ts';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** Row → public view mappers: the one place that decides what a screen may see. */
export function hallView(row: Row<typeof halls>): HallInfo {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    timezone: row.timezone,
    capacity: hallCapacity(row),
    holdingCapacity: row.holdingCapacity,
    batchSize: row.batchSize,
    calling: callingSettings(row.settings),
    // S11: the rules only (threshold, what is required), never anything about a visitor.
    entryRules: entryRules(screeningPolicy(row.settings)),
    // LV8: the level and the rules its preset put in force (as the hall's policies now hold them).
    levelRules: levelRules(row.preventionLevel, rulesInForce(row.settings)),
  };
}

export function categoryView(row: Row<typeof categories>): CategoryView {
  return { id: row.id, hallId: row.hallId, prefix: row.prefix, name: row.name, nameEn: row.nameEn, sortOrder: row.sortOrder, ...(row.retiredAt ? { retired: true as const } : {}) };
}

export function windowView(row: Row<typeof windows>): WindowView {
  return {
    id: row.id,
    hallId: row.hallId,
    number: row.number,
    categoryIds: row.categoryIds,
    state: row.state,
    currentTicketId: row.currentTicketId,
    normalSincePriority: row.normalSincePriority,
    clerkName: row.clerkName,
    ...(row.retiredAt ? { retired: true as const } : {}),
  };
}

export function partyView(row: Row<typeof parties>): PartyView {
  return {
    id: row.id,
    hallId: row.hallId,
    displayName: row.displayName,
    size: row.size,
    state: row.state,
    categoryId: row.categoryId,
    appointmentCode: row.appointmentCode,
    slotStart: row.slotStart,
    screenedAt: row.screenedAt,
    batchNumber: row.batchNumber,
    ticketId: row.ticketId,
    denialReasons: row.denialReasons,
    ...(row.recheck.length > 0 ? { recheck: row.recheck } : {}),
  };
}

export function ticketView(row: Row<typeof tickets>): TicketView {
  return {
    id: row.id,
    hallId: row.hallId,
    number: row.number,
    categoryId: row.categoryId,
    state: row.state,
    priority: row.priority,
    ...(row.priorityReason ? { priorityReason: row.priorityReason } : {}),
    windowId: row.windowId,
    partyId: row.partyId,
    partySize: row.partySize,
    queuedAt: row.queuedAt,
    slotStart: row.slotStart,
    targetWindowId: row.targetWindowId,
    issuedAt: row.issuedAt,
    calledAt: row.calledAt,
    callCount: row.callCount,
    serviceStartedAt: row.serviceStartedAt,
    finishedAt: row.finishedAt,
    rating: row.rating,
  };
}

export function batchView(row: Row<typeof batches>): BatchView {
  return {
    id: row.id,
    hallId: row.hallId,
    number: row.number,
    admittedAt: row.admittedAt,
    partyIds: row.partyIds,
    people: row.people,
  };
}
