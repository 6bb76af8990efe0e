// Seeds a fresh database: the first admin (printed once when its password is generated).
import { ensureFirstAdmin } from "@/lib/admins/bootstrap";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { seedNotificationSettings } from "@/lib/notifications/settings";

async function main() {
  // What each automatic message says, until an admin changes it; existing settings are kept.
  await seedNotificationSettings(db);
  const result = await ensureFirstAdmin({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  if (result.created) {
    const line = "─".repeat(60);
    console.log(`\n${line}\n  Admin account created: ${result.email}`);
    if (result.generatedPassword) {
      console.log(`  Password: ${result.generatedPassword}\n  (shown once; set ADMIN_EMAIL/ADMIN_PASSWORD to choose your own)`);
    }
    console.log(`${line}\n`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
