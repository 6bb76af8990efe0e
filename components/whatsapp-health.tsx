import Link from "next/link";
import { CheckCircle2, AlertTriangle, XCircle } from "lucide-react";
import { whatsappConfig } from "@/lib/env";
import { whatsappHealth } from "@/lib/messages/whatsapp-health";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

const ICON = {
  ok: <CheckCircle2 className="size-4 text-emerald-600" aria-label="OK" />,
  warning: <AlertTriangle className="size-4 text-amber-600" aria-label="Warning" />,
  error: <XCircle className="size-4 text-red-600" aria-label="Problem" />,
};

/** The WhatsApp set-up at a glance, so an expired token is seen before a send fails. */
export async function WhatsAppHealth() {
  const checks = await whatsappHealth();
  return (
    <Card>
      <CardHeader>
        <CardTitle>WhatsApp connection</CardTitle>
        <Badge tone={whatsappConfig.mode === "sandbox" ? "warning" : "success"}>{whatsappConfig.mode === "sandbox" ? "Sandbox" : "Live"}</Badge>
      </CardHeader>
      <CardContent>
        <ul className="space-y-2" data-testid="whatsapp-health">
          {checks.map((check) => (
            <li key={check.label} className="flex items-start gap-2 text-sm">
              <span className="mt-0.5">{ICON[check.state]}</span>
              <span>
                <span className="font-medium">{check.label}:</span> {check.detail}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm">
          <Link href="/admin/settings/whatsapp" className="font-medium text-brand-700 underline">
            Every check, with its fix
          </Link>{" "}
          <span className="text-slate-500">(owners)</span>
        </p>
      </CardContent>
    </Card>
  );
}
