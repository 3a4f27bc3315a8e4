// The decoder choices the panel sends with an export request (validated where it enters main).
import * as z from 'zod';
import type { DecoderChoice } from './decoder-types';

const MAX_PROTO_CHARS = 200_000;

export const decoderChoiceSchema: z.ZodType<DecoderChoice> = z.union([
  z.object({ decoder: z.enum(['socket.io', 'mqtt', 'stomp', 'msgpack']) }),
  z.object({ decoder: z.literal('protobuf'), proto: z.string().max(MAX_PROTO_CHARS), messageType: z.string().min(1).max(500) }),
]);

/** Choices by connection id; null = the user chose none (a detected decoder is not applied). */
export const decoderChoicesSchema = z.record(z.string().max(200), decoderChoiceSchema.nullable());
export type DecoderChoicesRecord = z.infer<typeof decoderChoicesSchema>;
