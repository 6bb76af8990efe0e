// `npm run whatsapp:doctor`: runs the WhatsApp set-up checks against the configured Graph API (or
// the built-in sandbox, which the running app serves) and prints one plain verdict a line, with
// the fix beneath each problem. Exits 1 when a check fails, so it can gate a deploy. Stores the
// result like the settings page does: a token found working releases sends held for it.
import { loadEnvironment } from "./environment";

loadEnvironment();
// The checks' own Graph calls are the output; their log lines would only repeat them.
process.env.LOG_LEVEL ??= "error";
const { prepareDatabase, db } = await import("@/lib/db");
const { whatsappConfig } = await import("@/lib/env");
const { runConfiguredDoctor } = await import("@/lib/whatsapp-setup/configured");
const { doctorText } = await import("@/lib/whatsapp/doctor/plain-text");

await prepareDatabase();
console.log(`WhatsApp set-up (${whatsappConfig.mode}, ${whatsappConfig.baseUrl}/${whatsappConfig.version}), phone number id ${whatsappConfig.phoneNumberId}, WhatsApp account ${whatsappConfig.wabaId}\n`);
const result = await runConfiguredDoctor();
console.log(doctorText(result));
await db.$disconnect();
process.exit(result.worst === "fail" ? 1 : 0);
