// The retry button's input. expectedAttempts is the count the admin saw: if another click (or
// another admin) already retried, the count has moved on and the retry is refused, not repeated.
import { z } from "zod";

export const ZRetryMessageSchema = z.object({
  messageId: z.string().trim().min(1).max(64),
  expectedAttempts: z.number().int().min(0),
});

export type TRetryMessage = z.infer<typeof ZRetryMessageSchema>;
