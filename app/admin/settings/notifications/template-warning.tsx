import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { TTemplateFlag } from "@/lib/templates/flags";

/** Next to an event whose WhatsApp template Meta paused, rejected or re-categorised: what that means for it. */
export function TemplateWarning({ event, template, flags }: { event: string; template: string; flags: TTemplateFlag[] }) {
  if (flags.length === 0) return null;
  const blocking = flags.some((flag) => flag.blocking);
  return (
    <Alert tone={blocking ? "danger" : "warning"} data-testid={`template-warning-${event}`}>
      <p className="font-medium">
        Its WhatsApp template {template}: {flags.map((flag) => flag.text).join(" ")}
      </p>
      <p>
        {blocking ? "Until then this message goes by email outside the 24-hour window. " : ""}
        <Link href="/admin/settings/templates" className="underline">
          See the templates
        </Link>
      </p>
    </Alert>
  );
}
