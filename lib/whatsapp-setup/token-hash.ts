// A stored state is about one access token: its hash (never the token) tells a changed token
// from the one Meta refused, across restarts and processes.
import { createHash } from "node:crypto";

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 16);
