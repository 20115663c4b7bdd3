import type { RoundStatus, VotingRound } from '#shared/council/voting-round';
import type { NominationStatus } from '#shared/status';
import type { StepCounter } from '#shared/council/round-steps';
import type { Db } from './client';
import { keys } from './keys';
import { counterUpdate } from './quota-counters';
import type { TransactItem } from './transact';

/**
 * The actions of a council round's steps (shared/council/round-steps.ts): each decided nomination
 * locked, written and unlocked by Updates that touch only its status, version and lock (so a resumed
 * step needs no nomination read), the quota counters moved, and the round's progress moved over the
 * version read, which is what keeps two writers from doing one step twice.
 */

/** A decision as a step writes it: an annulment's goes from what the round decided back to eligible. */
type Decision = { nominationId: string; from: NominationStatus; to: NominationStatus };

/** Marks a nomination as being decided by the round, if it is still at the version and status the plan read. */
export function lockItem(db: Db, campaignId: string, roundId: string, decision: Decision, version: number): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.nomination(campaignId, decision.nominationId),
      UpdateExpression: 'SET councilLock = :round',
      ConditionExpression:
        'version = :version AND #status = :from AND attribute_not_exists(deletedAt) AND attribute_not_exists(councilLock)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':round': roundId, ':version': version, ':from': decision.from },
    },
  };
}

/** Takes the round's mark off a nomination whose decision will not be written (the write undone). */
export function unlockItem(db: Db, campaignId: string, roundId: string, decision: Decision): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.nomination(campaignId, decision.nominationId),
      UpdateExpression: 'REMOVE councilLock',
      ConditionExpression: 'councilLock = :round',
      ExpressionAttributeValues: { ':round': roundId },
    },
  };
}

/** Writes the decision onto the nomination the round locked, its version moved on, its lock removed. */
export function applyItem(
  db: Db,
  campaignId: string,
  roundId: string,
  decision: Decision,
  version: number,
  by: { email: string; at: string },
): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.nomination(campaignId, decision.nominationId),
      UpdateExpression: 'SET #status = :to, version = :next, updatedAt = :at, updatedBy = :by REMOVE councilLock',
      ConditionExpression: 'version = :version AND councilLock = :round',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':to': decision.to,
        ':next': version + 1,
        ':at': by.at,
        ':by': by.email,
        ':version': version,
        ':round': roundId,
      },
    },
  };
}

/** A counter moved by `sign` times its step's delta: places taken are guarded by the cap, places given back are not. */
export function counterItem(db: Db, campaignId: string, counter: StepCounter, sign: 1 | -1): TransactItem {
  return counterUpdate(db.tableName, campaignId, {
    rule: { id: counter.ruleId, max: counter.max },
    scopeKey: counter.scopeKey,
    delta: sign * counter.delta,
  });
}

/** The round's progress moved by one step, over the version and status read. */
export function roundProgressItem(
  db: Db,
  round: Pick<VotingRound, 'campaignId' | 'number' | 'version' | 'status'>,
  progress: NonNullable<VotingRound['progress']>,
  by: { email: string; at: string },
): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.round(round.campaignId, round.number),
      UpdateExpression: 'SET progress = :progress, version = :next, updatedAt = :at, updatedBy = :by',
      ConditionExpression: 'version = :expected AND #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':progress': progress,
        ':next': round.version + 1,
        ':at': by.at,
        ':by': by.email,
        ':expected': round.version,
        ':status': round.status satisfies RoundStatus,
      },
    },
  };
}
