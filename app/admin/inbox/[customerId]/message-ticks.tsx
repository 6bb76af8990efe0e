import { AlertCircle, Check, CheckCheck, Clock, HelpCircle } from "lucide-react";
import { cn } from "@/lib/cn";

// WhatsApp's own marks, with the word beside them: ticks alone are not enough for everyone.
const TICKS: Record<string, { label: string; icon: typeof Check; className: string }> = {
  queued: { label: "Queued", icon: Clock, className: "text-slate-500" },
  sending: { label: "Sending", icon: Clock, className: "text-slate-500" },
  accepted: { label: "Accepted", icon: Check, className: "text-slate-500" },
  sent: { label: "Sent", icon: Check, className: "text-slate-500" },
  delivered: { label: "Delivered", icon: CheckCheck, className: "text-slate-500" },
  read: { label: "Read", icon: CheckCheck, className: "text-sky-600" },
  failed: { label: "Failed", icon: AlertCircle, className: "text-red-700" },
  uncertain: { label: "Uncertain", icon: HelpCircle, className: "text-amber-700" },
};

/** An outbound message's delivery state as ticks and a word. */
export function MessageTicks({ status }: { status: string }) {
  const tick = TICKS[status] ?? { label: status, icon: Clock, className: "text-slate-500" };
  const Icon = tick.icon;
  return (
    <span className={cn("inline-flex items-center gap-0.5", tick.className)}>
      <Icon className="size-3.5" aria-hidden />
      <span data-testid="message-status">{tick.label}</span>
    </span>
  );
}
