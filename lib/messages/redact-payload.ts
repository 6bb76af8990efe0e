// The request as sent, made safe to show. The sender already strips credentials before it stores
// requestPayload; this is the second line, so that a sender bug cannot put a token on a page.
import { redactSecrets } from "@/lib/redact";

export { redactSecrets };
/** requestPayload pretty-printed with secrets removed; text that is not JSON is shown as it is, redacted. */
export function formatRequestPayload(payload: string | null): string | null {
  if (payload === null || payload.trim() === "") return null;
  try {
    return JSON.stringify(redactSecrets(JSON.parse(payload)), null, 2);
  } catch {
    return redactSecrets(payload) as string;
  }
}
