import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { configuredTokenNotice } from "@/lib/whatsapp-setup/configured-notice";

const FIX = "Make a system-user token that does not expire and set WHATSAPP_ACCESS_TOKEN.";

/**
 * On every admin page: WhatsApp refused the access token (its sends are waiting), or the token
 * expires within a day. From the last stored check (one read by primary key), never a Graph call.
 */
export async function WhatsAppTokenBanner() {
  const notice = await configuredTokenNotice();
  if (!notice) return null;
  const urgent = notice.kind !== "expiring";
  const text =
    notice.kind === "refused"
      ? `WhatsApp refused the access token (${notice.title ?? "expired or invalid"}) on ${formatDateTime(notice.since)}. ${notice.held === 1 ? "1 WhatsApp message is" : `${notice.held} WhatsApp messages are`} waiting and go out once the token works.`
      : notice.kind === "expired"
        ? `The WhatsApp access token expired on ${formatDateTime(notice.at)}: WhatsApp messages wait until it is replaced.`
        : `The WhatsApp access token expires in about ${notice.hours} ${notice.hours === 1 ? "hour" : "hours"} (${formatDateTime(notice.at)}); then WhatsApp messages stop.`;
  return (
    <div role="status" data-testid="whatsapp-token-banner" className={urgent ? "border-b border-red-200 bg-red-50 text-red-900" : "border-b border-amber-300 bg-amber-50 text-amber-900"}>
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm break-words">
        <strong>{urgent ? "WhatsApp is not sending:" : "WhatsApp token expires soon:"}</strong> {text} {FIX}{" "}
        <Link href="/admin/settings/whatsapp" className="font-medium underline">
          WhatsApp set-up
        </Link>
      </p>
    </div>
  );
}
