// The doctor on a schedule beside the outbox (web server or `npm run worker`): shortly after start
// (the built-in sandbox is served by this same server, so not before it listens), then every
// WHATSAPP_DOCTOR_HOURS, so the banner's expiry warning and a token hold never rest on an old check.
import "server-only";
import { log } from "@/lib/log";
import { runConfiguredDoctor } from "@/lib/whatsapp-setup/configured";

export type TDoctorSchedule = { stop(): void };

export function startDoctorSchedule(options: { intervalMs: number; firstAfterMs?: number }): TDoctorSchedule {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const result = await runConfiguredDoctor();
      const failed = result.checks.filter((check) => check.state === "fail").map((check) => check.id);
      (failed.length ? log.warn : log.info)("whatsapp doctor: checked", { worst: result.worst, failed });
    } catch (error) {
      log.error("whatsapp doctor: scheduled check failed", { error });
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.intervalMs).unref();
  };
  timer = setTimeout(() => void tick(), options.firstAfterMs ?? 30_000).unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
