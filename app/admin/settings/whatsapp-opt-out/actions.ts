"use server";

// Saves the extra opt-out words. The owner wrapper checks the session, the owner role and the
// zod parse (lib/customers/opt-out-words.ts); the words are matched by lib/customers/opt-out.ts.
import { revalidatePath } from "next/cache";
import { ownerActionClient } from "@/lib/action";
import { ZOptOutWordsSchema } from "@/lib/customers/opt-out-words";
import { saveOptOutWords } from "@/lib/customers/opt-out-settings";

export const saveOptOutWordsAction = ownerActionClient.inputSchema(ZOptOutWordsSchema).action(async ({ parsedInput, ctx }) => {
  const saved = await saveOptOutWords(parsedInput.words, ctx.admin.id);
  revalidatePath("/admin/settings/whatsapp-opt-out");
  return { words: saved.words };
});
