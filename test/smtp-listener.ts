// A real SMTP server on loopback (smtp-server) that keeps every mail it receives, parsed. Some
// addresses answer like real servers do: bounce+...@ gets 550 (permanent), busy+...@ gets 451
// (try later).
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";

const CLIENT_GONE = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);

export type TReceivedMail = { to: string; from: string; replyTo: string; subject: string; messageId: string; reference: string; text: string; html: string };

export async function startSmtpListener() {
  const mails: TReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce")) return callback(Object.assign(new Error("5.1.1 Mailbox does not exist"), { responseCode: 550 }));
      if (address.address.startsWith("busy")) return callback(Object.assign(new Error("4.2.1 Mailbox busy, try later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: [parsed.to].flat().map((to) => to?.text ?? "").join(", "),
            from: parsed.from?.text ?? "",
            replyTo: parsed.replyTo?.text ?? "",
            subject: parsed.subject ?? "",
            messageId: parsed.messageId ?? "",
            reference: String(parsed.headers.get("x-ssg-message") ?? ""),
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  // smtp-server emits a client's socket error on the server (a reset in the middle of a mail, as
  // when the crash test kills a worker); without a listener that is an uncaught exception.
  // A client dropping its connection is what the tests do on purpose: the listener carries on.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (!CLIENT_GONE.has(error.code ?? "")) console.error("smtp listener:", error);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
