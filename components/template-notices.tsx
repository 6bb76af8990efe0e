// What an admin should know before sending a template (the send dialog on a quote, the inbox's
// reply box): its flags (re-categorised, low quality …), a send of it to the same customer within
// the hour, and which templates cannot be sent now and why.
import { Alert } from "@/components/ui/alert";
import type { TTemplateOption } from "@/lib/messages/templates";

type TNoticesProps = {
  options: TTemplateOption[];
  /** The chosen template, when it can be sent. */
  template: TTemplateOption | undefined;
  /** When it last went to this customer within the hour, if it did. */
  recentlyAt?: string;
};

/** What the admin should know before sending: the template's warnings, a send within the hour, unusable ones. */
export function TemplateNotices({ options, template, recentlyAt }: TNoticesProps) {
  const unusable = options.filter((option) => option.unusable);
  return (
    <>
      {template?.flags.length ? (
        <Alert tone="warning" data-testid="template-flags">
          {template.flags.map((flag) => (
            <p key={flag.kind}>{flag.text}</p>
          ))}
        </Alert>
      ) : null}
      {template && recentlyAt ? (
        <Alert tone="warning" data-testid="template-recent-warning">
          <p className="font-medium">
            {template.name} already went to this customer at {recentlyAt}, less than an hour ago.
          </p>
          <p>Sending the same template again so soon may annoy them and lower the template&apos;s quality rating.</p>
        </Alert>
      ) : null}
      {unusable.length ? (
        <details className="text-sm text-slate-600" data-testid="templates-unusable">
          <summary className="cursor-pointer">
            {unusable.length} {unusable.length === 1 ? "template" : "templates"} cannot be sent now
          </summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {unusable.map((option) => (
              <li key={option.key}>{option.unusable}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
