// The test listeners outlive a client that dies mid-request, as the crash test's killed workers
// do: a reset socket once surfaced as an uncaught `read ECONNRESET`, which fails a Vitest run
// whose tests all passed.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startReceiver } from "@/test/http-receiver";
import { startSmtpListener } from "@/test/smtp-listener";
import { startSandboxServer } from "@/lib/whatsapp/sandbox/node-server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects, writes `lines` (waiting for the server to answer first if `greeting`), then resets the connection. */
async function resetMidway(url: string, lines: string[], options: { greeting?: boolean } = {}) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.on("error", () => undefined);
  await new Promise((resolve) => socket.once("connect", resolve));
  for (const line of lines) {
    if (options.greeting) await new Promise((resolve) => socket.once("data", resolve));
    socket.write(line);
  }
  await sleep(50);
  socket.resetAndDestroy();
  // Give the server the moment it needs to see the reset.
  await sleep(150);
}

const PARTIAL_POST = "POST /api/webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"object\":";

describe("the test harness's listeners, when a client resets its connection", () => {
  it("the HTTP receiver keeps serving after a reset in the middle of a request body", async () => {
    const receiver = await startReceiver(async (request) => new Response(await request.text()));
    closers.push(receiver.close);
    await resetMidway(receiver.url, [PARTIAL_POST]);
    await resetMidway(receiver.url, ["GARBAGE\r\n\r\n"]);
    const response = await fetch(receiver.url, { method: "POST", body: "still here" });
    expect(await response.text()).toBe("still here");
  });

  it("the Graph API sandbox server keeps serving after a reset in the middle of a request body", async () => {
    const graph = await startSandboxServer({ accessToken: "test-token", phoneNumberId: "123", wabaId: "456", appSecret: "s", webhookUrl: "http://127.0.0.1:9/none" });
    closers.push(graph.close);
    await resetMidway(graph.url, [PARTIAL_POST.replace("/api/webhooks/whatsapp", "/v26.0/123/messages")]);
    const response = await fetch(`${graph.url}/v26.0/123/messages`, { method: "POST" });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it("the SMTP listener keeps taking mail after a reset in the middle of a transaction", async () => {
    const smtp = await startSmtpListener();
    closers.push(smtp.close);
    await resetMidway(smtp.url.replace("smtp:", "http:"), ["EHLO test\r\n", "MAIL FROM:<shop@example.com>\r\n", "RCPT TO:<someone@example.com>\r\n", "DATA\r\n", "Subject: half"], {
      greeting: true,
    });
    const { createSmtpMailer } = await import("@/lib/email/mailer");
    const mailer = createSmtpMailer(smtp.url, "Shop <shop@example.com>");
    await mailer.send({ to: "after@example.com", subject: "After the reset", text: "ok", html: "<p>ok</p>", messageId: "after@test", reference: "after" });
    mailer.close();
    expect(smtp.mails.map((mail) => mail.subject)).toEqual(["After the reset"]);
  });
});
