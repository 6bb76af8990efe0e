// `npm start` stops the way a process manager expects: on SIGTERM it takes no new connections,
// the dispatcher finishes the send in flight and records it, and the process exits with 0.
import type { AddressInfo } from "node:net";
import { createClient } from "@libsql/client";
import { expect, test } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { startAppProcess, stopAppProcess } from "../app-process";
import { requestQuote } from "../fixtures";

/** A mail server that takes a mail's data, then holds its answer until released. */
async function startHoldingSmtp() {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const delivered: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        arrive();
        void released.then(() => {
          delivered.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, arrived, release, delivered, close: () => server.close() };
}

test("a SIGTERM during a send lets the send finish and be recorded, then the server exits with 0", async ({ browser }) => {
  test.setTimeout(120_000);
  const smtp = await startHoldingSmtp();
  const app = await startAppProcess(3109, { SMTP_URL: smtp.url, SMTP_FROM: "Snow Spoiled Gifts <shop@example.com>" });
  try {
    const context = await browser.newContext({ baseURL: app.url });
    await requestQuote(await context.newPage(), { name: "Thandi Shutdown", occasion: "A wedding gift", channel: "email", email: "thandi@example.com" });
    await context.close();
    await smtp.arrived; // the acknowledgement is on the wire, its answer held

    const exited = new Promise<number | null>((resolve) => app.child.once("exit", resolve));
    app.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.child.exitCode, "still finishing the send").toBeNull();
    expect(await fetch(`${app.url}/login`).then(() => "served", () => "refused"), "no new requests after SIGTERM").toBe("refused");

    smtp.release();
    expect(await exited).toBe(0);
    expect(smtp.delivered).toEqual(["thandi@example.com"]);
    const database = createClient({ url: `file:${app.databaseFile}` });
    const messages = await database.execute("SELECT status FROM Message WHERE channel = 'email'");
    database.close();
    expect(messages.rows.map((row) => row.status)).toEqual(["sent"]);
  } finally {
    await stopAppProcess(app);
    smtp.close();
  }
});
