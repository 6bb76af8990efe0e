// What is wrong with a template, in words for the places that use it (the templates page, the
// automatic messages settings, the send dialog), and whether it can be sent at all. Pure: the
// rules are unit-tested and the same everywhere. Meta refuses a paused (132015), disabled
// (132016) or otherwise unapproved (132001) template; a re-categorised one still sends, but is
// billed and limited as its new category, which an owner should know before the bill does.

/** The fields of a stored template these rules read. */
export type TTemplateState = {
  name: string;
  language: string;
  status: string;
  category: string;
  previousCategory: string | null;
  categoryChangedAt: Date | null;
  upcomingCategory: string | null;
  upcomingCategoryAt: Date | null;
  quality: string | null;
  rejectedReason: string | null;
  statusReason: string | null;
  deletedAt: Date | null;
};

export type TTemplateFlagKind = "deleted" | "paused" | "disabled" | "rejected" | "not_approved" | "flagged" | "recategorised" | "category_change_announced" | "low_quality";

export type TTemplateFlag = {
  kind: TTemplateFlagKind;
  /** Blocking: Meta would refuse it, so it is not sent. Otherwise a warning. */
  blocking: boolean;
  text: string;
};

/** Statuses Meta sends: FLAGGED is still approved, at risk of being disabled. */
const SENDABLE = new Set(["APPROVED", "FLAGGED"]);

/** Meta's samples (every new account has hello_world): never for a customer. */
export function isSampleTemplate(name: string): boolean {
  return name === "hello_world" || name.startsWith("sample_");
}

/** Meta's reason, or null where it gives none (it writes "NONE"). */
export const meaningfulReason = (reason: string | null | undefined) => (reason && reason !== "NONE" ? reason : null);

const lower = (value: string) => value.toLowerCase().replace(/_/g, " ");
const reasonOf = (template: TTemplateState) => {
  const reason = meaningfulReason(template.statusReason ?? template.rejectedReason);
  return reason ? ` (${lower(reason)})` : "";
};
const day = (date: Date) => date.toISOString().slice(0, 10);

export function templateFlags(template: TTemplateState): TTemplateFlag[] {
  const flags: TTemplateFlag[] = [];
  if (template.deletedAt) {
    flags.push({ kind: "deleted", blocking: true, text: `Deleted from the WhatsApp account on ${day(template.deletedAt)}: it can no longer be sent.` });
  } else if (template.status === "PAUSED") {
    // Meta pauses for low quality; its reason (usually just that) is not said twice.
    const reason = reasonOf(template);
    flags.push({ kind: "paused", blocking: true, text: `Paused by Meta for low quality${reason === " (low quality)" ? "" : reason}: WhatsApp refuses it until Meta approves it again.` });
  } else if (template.status === "DISABLED") {
    flags.push({ kind: "disabled", blocking: true, text: `Disabled by Meta${reasonOf(template)}: it can no longer be sent. Choose another template.` });
  } else if (template.status === "REJECTED") {
    flags.push({ kind: "rejected", blocking: true, text: `Rejected by Meta${reasonOf(template)}: edit it in WhatsApp Manager and submit it again.` });
  } else if (!SENDABLE.has(template.status)) {
    flags.push({ kind: "not_approved", blocking: true, text: `${lower(template.status).replace(/^./, (c) => c.toUpperCase())}, not approved: WhatsApp refuses it until it is.` });
  } else if (template.status === "FLAGGED") {
    flags.push({ kind: "flagged", blocking: false, text: `Flagged by Meta for low quality${reasonOf(template)}: it will be disabled unless its quality improves.` });
  }
  if (template.previousCategory && template.previousCategory !== template.category) {
    const when = template.categoryChangedAt ? ` on ${day(template.categoryChangedAt)}` : "";
    flags.push({
      kind: "recategorised",
      blocking: false,
      text: `Re-categorised by Meta from ${lower(template.previousCategory)} to ${lower(template.category)}${when}: it is billed and limited as ${lower(template.category)} now.`,
    });
  }
  if (template.upcomingCategory && template.upcomingCategory !== template.category) {
    const when = template.upcomingCategoryAt ? ` on ${day(template.upcomingCategoryAt)}` : " soon";
    flags.push({ kind: "category_change_announced", blocking: false, text: `Meta will change its category to ${lower(template.upcomingCategory)}${when}.` });
  }
  if (template.quality === "RED" || template.quality === "YELLOW") {
    flags.push({ kind: "low_quality", blocking: false, text: `Quality ${template.quality === "RED" ? "low (red)" : "medium (yellow)"}: customers are blocking or reporting it; Meta may pause it.` });
  }
  return flags;
}

/** Why this template cannot be sent now, or null when it can. `null` template: not on the account. */
export function unusableReason(template: TTemplateState | null, name: string, language: string): string | null {
  if (!template) return `The WhatsApp template "${name}" (${language}) is not on this WhatsApp account. Sync the templates, or choose another.`;
  const blocking = templateFlags(template).find((flag) => flag.blocking);
  return blocking ? `The WhatsApp template "${name}" (${language}) cannot be sent. ${blocking.text}` : null;
}

/** Meta's error code for the refusal, so the outbox treats it exactly like Meta's own answer. */
export function refusalCode(template: TTemplateState | null): 132001 | 132015 | 132016 {
  if (template && !template.deletedAt && template.status === "PAUSED") return 132015;
  if (template && !template.deletedAt && template.status === "DISABLED") return 132016;
  return 132001;
}
