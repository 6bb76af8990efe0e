// The WhatsApp set-up at a glance for the dashboard, so an expired token is seen before a send
// fails: the set-up doctor's checks (lib/whatsapp/doctor/) summed up as the access token and the
// phone number, each at its worst check. Kept a few minutes: each run is a few Graph calls.
import "server-only";
import { worstState } from "@/lib/whatsapp/doctor/diagnose";
import type { TCheck, TCheckId } from "@/lib/whatsapp/doctor/types";
import { runConfiguredDoctor } from "@/lib/whatsapp-setup/configured";

export type THealthCheck = { label: string; state: "ok" | "warning" | "error"; detail: string };

const TTL_MS = 5 * 60_000;
const globalForHealth = globalThis as unknown as { ssgWhatsAppHealth?: { at: number; checks: THealthCheck[] } };

const GROUPS: { label: string; ids: TCheckId[]; summary: (checks: TCheck[]) => string }[] = [
  { label: "Access token", ids: ["token_valid", "token_type", "token_expiry", "token_scopes"], summary: () => "System-user token with both permissions; it does not expire." },
  {
    label: "Phone number",
    ids: ["number_in_waba", "display_name", "quality", "messaging_limit", "throughput", "test_number"],
    summary: (checks) => checks.filter((check) => check.id === "quality" || check.id === "messaging_limit").map((check) => check.verdict).join(" "),
  },
];

const STATE = { ok: "ok", warn: "warning", fail: "error" } as const;

/** One line per group: the summary when all is well, else its worst check's verdict and fix. */
export function summarize(checks: readonly TCheck[]): THealthCheck[] {
  return GROUPS.map((group) => {
    const mine = checks.filter((check) => group.ids.includes(check.id));
    const worst = worstState(mine);
    if (worst === "ok") return { label: group.label, state: "ok", detail: group.summary(mine) };
    const first = mine.find((check) => check.state === worst)!;
    return { label: group.label, state: STATE[worst], detail: [first.verdict, first.fix].filter(Boolean).join(" ") };
  });
}

export async function whatsappHealth(now = Date.now()): Promise<THealthCheck[]> {
  const cached = globalForHealth.ssgWhatsAppHealth;
  if (cached && now - cached.at < TTL_MS) return cached.checks;
  const checks = summarize((await runConfiguredDoctor(new Date(now))).checks);
  globalForHealth.ssgWhatsAppHealth = { at: now, checks };
  return checks;
}
