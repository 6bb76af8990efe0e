// The doctor's result as plain text, one check a line with its fix beneath: for the terminal.
import type { TCheckState, TDoctorResult } from "@/lib/whatsapp/doctor/types";

const MARK: Record<TCheckState, string> = { ok: "ok  ", warn: "WARN", fail: "FAIL" };

export function doctorText(result: TDoctorResult): string {
  const lines = result.checks.flatMap((check) => [
    `${MARK[check.state]}  ${check.label}: ${check.verdict}`,
    ...(check.state !== "ok" && check.fix ? [`      Fix: ${check.fix}`] : []),
  ]);
  const count = (state: TCheckState) => result.checks.filter((check) => check.state === state).length;
  lines.push("", `${count("ok")} ok, ${count("warn")} warnings, ${count("fail")} failures.`);
  return lines.join("\n");
}
