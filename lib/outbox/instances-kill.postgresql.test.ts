// Several instances, the crash test: two dispatcher processes (`npm run worker`) on one
// PostgreSQL database, killed 100 times between them while they drain 1,000 messages. No message
// may be lost or received twice, and the sandbox, which counts every send per 1,000 ms as Meta
// does, must never see more than WHATSAPP_MAX_MPS: the pace is shared by both workers through the
// database (lib/outbox/pacing-shared.ts), not added up. SQLite runs the one-worker kill test
// (./kill.test.ts); this one runs when the suite runs on PostgreSQL.
import { describe, expect, it } from "vitest";
import { describeKillRun, killRunForFile } from "@/test/kill-run";

// Each worker is killed a moment (0–150 ms) after the providers next receive a message once it has
// started, so every kill lands mid-work however long a start takes on a busy machine, and each
// worker sends only a few messages before it dies: the queue is still draining at the 100th kill.
const options = { messages: 1_000, kills: 100, workers: 2, afterSendMs: [0, 150] as const };

describe("two workers on one PostgreSQL", () => {
  const run = killRunForFile(options);

  it(`lose and double nothing, and keep to the number's limit together, when killed ${options.kills} times while draining ${options.messages} messages`, { timeout: 900_000 }, async () => {
    const figures = await run().run();
    console.log(describeKillRun("instances kill test", options, figures));
    expect(figures.kills).toBeGreaterThanOrEqual(options.kills);
    // The kills landed while the workers drained, not before they began.
    expect(figures.endedDuringKills).toBeGreaterThan(options.messages / 10);
    expect(figures.unfinished).toBe(0);
    expect(figures.doubled).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.allEnded).toBe(true);
    expect(figures.throughputRefusals).toBe(0);
    expect(figures.busiestSecond).toBeLessThanOrEqual(figures.maxPerSecond);
  });
});
