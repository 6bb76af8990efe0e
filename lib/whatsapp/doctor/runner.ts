// Asks the Graph API what the doctor needs (debug_token, the phone number, the WhatsApp
// account's numbers and subscribed apps) in parallel, records each answer or Meta's error, and
// diagnoses them. Knows nothing of the database: the heartbeat is given by the caller.
import "server-only";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import type { TWhatsAppClient } from "@/lib/whatsapp/client";
import { diagnose } from "@/lib/whatsapp/doctor/diagnose";
import type { TDoctorAnswers, TDoctorResult, TDoctorSetup, TGraphAnswer, THeartbeat } from "@/lib/whatsapp/doctor/types";

export type TDoctorClient = Pick<TWhatsAppClient, "debugToken" | "getPhoneNumber" | "listPhoneNumbers" | "listSubscribedApps">;

async function record(call: () => Promise<unknown>): Promise<TGraphAnswer> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (!(error instanceof WhatsAppError)) throw error;
    return { ok: false, error: { code: error.code, subcode: error.subcode, title: error.title, action: error.action, details: error.details } };
  }
}

export async function askGraph(client: TDoctorClient): Promise<TDoctorAnswers> {
  const [debugToken, phoneNumber, phoneNumbers, subscribedApps] = await Promise.all([
    // debugToken() is undefined without an app id: then it was not asked. It returns Meta's
    // `data`; the answer is recorded as Meta sent it.
    record(async () => {
      const data = await client.debugToken();
      return data === undefined ? undefined : { data };
    }).then((answer) => (answer.ok && answer.data === undefined ? null : answer)),
    record(() => client.getPhoneNumber()),
    record(() => client.listPhoneNumbers()),
    record(() => client.listSubscribedApps()),
  ]);
  return { debugToken, phoneNumber, phoneNumbers, subscribedApps };
}

export async function runDoctor(client: TDoctorClient, input: { setup: TDoctorSetup; heartbeat: THeartbeat; now?: Date }): Promise<TDoctorResult> {
  const answers = await askGraph(client);
  return diagnose({ setup: input.setup, heartbeat: input.heartbeat, answers, now: input.now ?? new Date() });
}
