// What a customer sent on WhatsApp, readably: their words, the button they tapped and what it did,
// a reaction, a photo or file (opened through the admin-only media route), a location with a map
// link, shared contacts, or why WhatsApp could not pass it on. No hooks: it renders on the server
// (feeds) and inside client components (the message history, the inbox) alike.
import { FileText, MapPin, MousePointerClick, Paperclip, Smile, TriangleAlert, UserRound } from "lucide-react";
import { describeInbound, type TInboundView } from "@/lib/messages/inbound-view";

const ICON = "size-4 shrink-0 text-slate-500";

function fileSize(bytes: number | null): string | null {
  if (bytes === null) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Media({ content }: { content: TInboundView }) {
  const media = content.media!;
  const details = [media.mimeType, fileSize(media.size)].filter(Boolean).join(", ");
  return (
    <div className="space-y-1">
      <p className="flex min-w-0 items-center gap-2">
        {content.kind === "document" ? <FileText className={ICON} aria-hidden /> : <Paperclip className={ICON} aria-hidden />}
        <a href={media.downloadPath} target="_blank" rel="noopener" className="min-w-0 truncate text-brand-700 hover:underline">
          {describeInbound({ ...content, body: null })}
        </a>
        {details ? <span className="shrink-0 text-xs text-slate-500">{details}</span> : null}
      </p>
      {content.body ? <p className="whitespace-pre-wrap break-words">{content.body}</p> : null}
    </div>
  );
}

export function InboundMessage({ content }: { content: TInboundView }) {
  const line = describeInbound(content);
  const body = (() => {
    if (content.kind === "text") return <p className="whitespace-pre-wrap break-words">{content.body}</p>;
    if (content.media) return <Media content={content} />;
    if (content.location) {
      return (
        <p className="flex min-w-0 flex-wrap items-center gap-2">
          <MapPin className={ICON} aria-hidden />
          <span className="min-w-0 break-words">{line}</span>
          <a href={content.location.mapUrl} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
            Open map
          </a>
        </p>
      );
    }
    if (content.kind === "contacts") {
      return (
        <ul className="space-y-1" aria-label="Shared contacts">
          {content.contacts.map((contact, index) => (
            <li key={index} className="flex min-w-0 flex-wrap items-center gap-x-2">
              <UserRound className={ICON} aria-hidden />
              <span className="font-medium">{contact.name}</span>
              {contact.phones.map((phone) => (
                <span key={phone.phone}>{phone.phone}</span>
              ))}
              {contact.emails.map((email) => (
                <span key={email} className="break-all">
                  {email}
                </span>
              ))}
            </li>
          ))}
        </ul>
      );
    }
    if (content.kind === "unsupported") {
      return (
        <p className="flex items-start gap-2 text-slate-600">
          <TriangleAlert className={`${ICON} mt-0.5`} aria-hidden />
          <span className="break-words">{line}</span>
        </p>
      );
    }
    const Icon = content.kind === "reaction" ? Smile : MousePointerClick;
    return (
      <p className="flex min-w-0 items-start gap-2">
        <Icon className={`${ICON} mt-0.5`} aria-hidden />
        <span className="break-words">{line}</span>
      </p>
    );
  })();
  return (
    <div className="text-sm text-slate-800" data-testid="inbound-message" data-kind={content.kind}>
      {body}
    </div>
  );
}
