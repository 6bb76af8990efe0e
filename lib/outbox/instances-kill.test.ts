// Several instances, the crash test: two dispatcher processes (`npm run worker`) on one
// PostgreSQL database, killed 100 times between them while they drain 1,000 messages. No message
// may be lost or received twice, and the sandbox, which counts every send per 1,000 ms as Meta
// does, must never see more than WHATSAPP_MAX_MPS: the pace is shared by both workers through the
// database (lib/outbox/pacing-shared.ts), not added up. SQLite runs the one-worker kill test
// (./kill.test.ts); this one runs when the suite runs on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeKillRun, startKillRun } from "@/test/kill-run";

const onPostgresql = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");
// A worker on PostgreSQL makes its first call about half a second after it says it started (its
// connections and the client's first queries): each lives long enough to be killed mid-work.
// At 10 messages a second the 800 WhatsApp sends need 80 s of sending, longer than 100 kills
// take on any machine (each worker's start is most of a kill's cycle), so every kill lands
// while the queue still drains; at the default 80/s two workers could empty it first.
const options = { messages: 1_000, kills: 100, workers: 2, lifeMs: [400, 1200] as const, maxPerSecond: 10 };

describe.runIf(onPostgresql)("two workers on one PostgreSQL", () => {
  let run: Awaited<ReturnType<typeof startKillRun>>;

  beforeAll(async () => {
    run = await startKillRun(options);
  }, 60_000);

  afterAll(async () => {
    await run?.close();
  });

  it(`lose and double nothing, and keep to the number's limit together, when killed ${options.kills} times while draining ${options.messages} messages`, { timeout: 900_000 }, async () => {
    const figures = await run.run();
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
