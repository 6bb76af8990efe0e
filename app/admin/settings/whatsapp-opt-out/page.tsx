import type { Metadata } from "next";
import { requireOwner } from "@/lib/auth/session";
import { BUILT_IN_OPT_OUT_WORDS, OPT_IN_WORD } from "@/lib/customers/opt-out-words";
import { getOptOutWordsSetting } from "@/lib/customers/opt-out-settings";
import { formatDateTime } from "@/lib/format";
import { OptOutWordsForm } from "./opt-out-words-form";

export const metadata: Metadata = { title: "WhatsApp opt-out" };

export default async function OptOutSettingsPage() {
  await requireOwner("/admin/settings/whatsapp-opt-out");
  const setting = await getOptOutWordsSetting();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">WhatsApp opt-out</h1>
        <p className="max-w-2xl text-slate-600">
          A customer who sends {BUILT_IN_OPT_OUT_WORDS.join(" or ")}, or one of the words below, as their whole message gets no more WhatsApp messages from
          us: they get one reply confirming it, and automatic messages go to them by email instead. {OPT_IN_WORD} opts them back in. &ldquo;Stop please&rdquo;
          or a sentence with the word in it is read as a conversation, not a request.
        </p>
      </div>
      <OptOutWordsForm words={setting.words} />
      {setting.updatedAt ? <p className="text-sm text-slate-500">Last changed {formatDateTime(setting.updatedAt)}.</p> : null}
    </div>
  );
}
