// The crash test: a dispatcher child process (`npm run worker`'s script) is killed with SIGKILL
// at random moments, 50 times, while it drains 500 messages to the Graph API sandbox and a real
// SMTP listener. Afterwards no message may be lost (each one ended: sent, or uncertain for an
// admin to decide) and neither provider may have received any message twice. The scenario is
// test/kill-run.ts; ./instances-kill.postgresql.test.ts runs it with two workers on PostgreSQL.
import { expect, it } from "vitest";
import { describeKillRun, killRunForFile } from "@/test/kill-run";

// Killed a moment (0–200 ms) after the providers next receive a message once it has started, so
// each kill lands mid-work even when a start is slow on a busy machine.
const options = { messages: 500, kills: 50, workers: 1, afterSendMs: [0, 200] as const };
const run = killRunForFile(options);

it(`loses and doubles nothing when the dispatcher is killed ${options.kills} times while draining ${options.messages} messages`, { timeout: 600_000 }, async () => {
  const figures = await run().run();
  console.log(describeKillRun("kill test", options, figures));
  expect(figures.kills).toBeGreaterThanOrEqual(Math.min(options.kills, 10));
  // The kills landed while the worker drained, not before it began.
  expect(figures.endedDuringKills).toBeGreaterThan(0);
  expect(figures.unfinished).toBe(0);
  expect(figures.doubled).toBe(0);
  expect(figures.lost).toBe(0);
  expect(figures.allEnded).toBe(true);
});
