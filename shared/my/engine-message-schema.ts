// Runtime check of what arrives from the engine, so a broken host bridge can never make `my` throw
// inside the page: anything that is not an EngineMessage is reported and ignored. Every level is a
// discriminated union (one property read picks the branch), so a flood's message events cost a few
// property checks each, not a trial of every variant.
import * as z from 'zod';
import { jsonSchema } from '../json';
import { socketTargetSchema, type EngineMessage } from '../my-wire';

const callIdSchema = z.number().int().nonnegative();

const eventPayloadSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('open') }),
  z.object({ event: z.literal('message'), data: z.string(), isBuffer: z.boolean(), asArrayBuffer: z.literal(true).optional() }),
  z.object({ event: z.literal('error'), error: z.number(), errorMessage: z.string() }),
  z.object({ event: z.literal('close'), code: z.number(), reason: z.string() }),
]);

const callResultSchema = z.discriminatedUnion('ok', [
  z.object({
    kind: z.literal('result'),
    callId: callIdSchema,
    ok: z.literal(true),
    payload: z.record(z.string(), jsonSchema),
  }),
  z.object({ kind: z.literal('result'), callId: callIdSchema, ok: z.literal(false), error: z.number(), errorMessage: z.string(), extra: z.record(z.string(), jsonSchema).optional() }),
]);

/** Every EngineMessage of shared/my-wire.ts. */
export const engineMessageSchema: z.ZodType<EngineMessage> = z.discriminatedUnion('kind', [
  callResultSchema,
  z.object({ kind: z.literal('event'), target: socketTargetSchema, payload: eventPayloadSchema }),
  z.object({ kind: z.literal('reset'), reason: z.string() }),
  z.object({ kind: z.literal('network'), networkAvailable: z.boolean(), networkType: z.string().max(32) }),
  z.object({ kind: z.literal('seed'), storage: z.record(z.string(), z.string()), systemInfo: z.record(z.string(), jsonSchema) }),
  z.object({ kind: z.literal('app-visibility'), visible: z.boolean() }),
]);
