import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import { requireOwner } from "@/lib/auth/session";
import { whatsappConfig } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { runConfiguredDoctor } from "@/lib/whatsapp-setup/configured";
import type { TCheckState } from "@/lib/whatsapp/doctor/types";
import { Alert } from "@/components/ui/alert";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "WhatsApp set-up" };
// Every visit asks Meta afresh: this page is where an owner checks a fix.
export const dynamic = "force-dynamic";

const STATE: Record<TCheckState, { label: string; tone: TBadgeTone; icon: React.ReactNode }> = {
  ok: { label: "OK", tone: "success", icon: <CheckCircle2 className="size-5 shrink-0 text-emerald-600" aria-hidden /> },
  warn: { label: "Warning", tone: "warning", icon: <AlertTriangle className="size-5 shrink-0 text-amber-600" aria-hidden /> },
  fail: { label: "Problem", tone: "danger", icon: <XCircle className="size-5 shrink-0 text-red-600" aria-hidden /> },
};

export default async function WhatsAppSetupPage() {
  await requireOwner("/admin/settings/whatsapp");
  const result = await runConfiguredDoctor();
  const failures = result.checks.filter((check) => check.state === "fail").length;
  const warnings = result.checks.filter((check) => check.state === "warn").length;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">WhatsApp set-up</h1>
        <p className="text-slate-600">
          Each check asks Meta&apos;s Graph API now ({whatsappConfig.mode === "sandbox" ? "the built-in sandbox" : "live"}, phone number id {whatsappConfig.phoneNumberId}, WhatsApp account {whatsappConfig.wabaId}). The same checks run
          with <code className="text-sm">npm run whatsapp:doctor</code>.
        </p>
      </div>
      <Alert tone={failures ? "danger" : warnings ? "warning" : "success"} data-testid="doctor-summary">
        {failures ? `${failures} ${failures === 1 ? "problem" : "problems"} to fix` : warnings ? "No problems" : "Everything is set up"}
        {warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}. Checked {formatDateTime(result.at)}.{" "}
        <Link href="/admin/settings/whatsapp" className="font-medium underline">
          Check again
        </Link>
      </Alert>
      <Card>
        <CardHeader>
          <CardTitle>Checks</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="divide-y divide-slate-100" data-testid="doctor-checks">
            {result.checks.map((check) => (
              <li key={check.id} className="flex gap-3 py-3" data-testid={`doctor-check-${check.id}`} data-state={check.state}>
                {STATE[check.state].icon}
                <div className="min-w-0 space-y-1 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{check.label}</span>
                    <Badge tone={STATE[check.state].tone}>{STATE[check.state].label}</Badge>
                  </p>
                  <p className="break-words text-slate-700">{check.verdict}</p>
                  {check.state !== "ok" && check.fix ? (
                    <p className="break-words text-slate-900">
                      <span className="font-medium">How to fix: </span>
                      {check.fix}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
