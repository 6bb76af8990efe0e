// All of the doctor's checks over one set of recorded answers: pure, so each verdict is tested
// from fixtures without a network, and the runner, the settings page and the CLI agree.
import { numberChecks } from "@/lib/whatsapp/doctor/number-checks";
import { setupChecks } from "@/lib/whatsapp/doctor/setup-checks";
import { tokenChecks, tokenFacts } from "@/lib/whatsapp/doctor/token-checks";
import type { TCheck, TCheckState, TDoctorInput, TDoctorResult } from "@/lib/whatsapp/doctor/types";

const RANK: Record<TCheckState, number> = { ok: 0, warn: 1, fail: 2 };

export function worstState(checks: readonly Pick<TCheck, "state">[]): TCheckState {
  return checks.reduce<TCheckState>((worst, check) => (RANK[check.state] > RANK[worst] ? check.state : worst), "ok");
}

export function diagnose(input: TDoctorInput): TDoctorResult {
  const checks = [...tokenChecks(input), ...numberChecks(input), ...setupChecks(input)];
  return { at: input.now, checks, token: tokenFacts(input), worst: worstState(checks) };
}
