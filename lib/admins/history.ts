// One sentence per entry of the admins' history, as the admins page shows it.
type TPerson = { name: string; email: string } | null;

const who = (person: TPerson) => (person ? person.name || person.email : "An admin since removed");

export function describeAdminEvent(event: { action: string; detail: string | null; actor: TPerson; admin: { name: string; email: string } }): string {
  const actor = who(event.actor);
  const subject = who(event.admin);
  const detail = event.detail ? ` (${event.detail})` : "";
  switch (event.action) {
    case "invited":
      return `${actor} invited ${event.admin.email}${detail}`;
    case "invite_accepted":
      return `${subject} accepted the invitation`;
    case "role_changed":
      return `${actor} changed the role of ${subject}${detail}`;
    case "deactivated":
      return `${actor} deactivated ${subject}`;
    case "reactivated":
      return `${actor} reactivated ${subject}`;
    case "password_changed":
      return `${subject} changed their password`;
    case "password_reset":
      return `${subject} set a new password${detail}`;
    default:
      return `${actor}: ${event.action} for ${subject}${detail}`;
  }
}
