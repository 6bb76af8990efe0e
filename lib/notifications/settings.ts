// Reading and saving what each automatic message says. A missing row means the default, so a
// database that was never seeded still sends sensible messages.
import "server-only";
import { db, type TDb, type TTx } from "@/lib/db";
import { DEFAULT_NOTIFICATION_SETTINGS, type TNotificationSettingValue } from "@/lib/notifications/defaults";
import { NOTIFICATION_EVENTS, isNotificationEvent, type TNotificationEvent } from "@/lib/notifications/events";
import { isNotificationField, type TNotificationField } from "@/lib/notifications/fields";

type TClient = TDb | TTx;

type TSettingRow = {
  event: string;
  enabled: boolean;
  templateName: string | null;
  templateLanguage: string | null;
  templateParams: string;
  templateButtonParam: string | null;
  emailSubject: string;
  body: string;
};

function fromRow(row: TSettingRow): TNotificationSettingValue | null {
  if (!isNotificationEvent(row.event)) return null;
  let params: unknown;
  try {
    params = JSON.parse(row.templateParams);
  } catch {
    params = [];
  }
  return {
    event: row.event,
    enabled: row.enabled,
    templateName: row.templateName,
    templateLanguage: row.templateLanguage,
    templateParams: Array.isArray(params) ? params.filter((key): key is TNotificationField => typeof key === "string" && isNotificationField(key)) : [],
    templateButtonParam: row.templateButtonParam && isNotificationField(row.templateButtonParam) ? row.templateButtonParam : null,
    emailSubject: row.emailSubject,
    body: row.body,
  };
}

export function toRow(value: TNotificationSettingValue) {
  return {
    enabled: value.enabled,
    templateName: value.templateName,
    templateLanguage: value.templateLanguage,
    templateParams: JSON.stringify(value.templateParams),
    templateButtonParam: value.templateButtonParam,
    emailSubject: value.emailSubject,
    body: value.body,
  };
}

export async function getNotificationSetting(client: TClient, event: TNotificationEvent): Promise<TNotificationSettingValue> {
  const row = await client.notificationSetting.findUnique({ where: { event } });
  return (row && fromRow(row)) ?? DEFAULT_NOTIFICATION_SETTINGS[event];
}

/** Every event's setting, in the order the settings page lists them. */
export async function listNotificationSettings(client: TClient = db): Promise<TNotificationSettingValue[]> {
  const rows = await client.notificationSetting.findMany();
  const byEvent = new Map(rows.flatMap((row) => {
    const value = fromRow(row);
    return value ? [[value.event, value] as const] : [];
  }));
  return NOTIFICATION_EVENTS.map((event) => byEvent.get(event) ?? DEFAULT_NOTIFICATION_SETTINGS[event]);
}

/** Writes the defaults for events that have no row yet; existing settings are left alone. */
export async function seedNotificationSettings(client: TClient): Promise<number> {
  const existing = new Set((await client.notificationSetting.findMany({ select: { event: true } })).map((row) => row.event));
  const missing = NOTIFICATION_EVENTS.filter((event) => !existing.has(event));
  for (const event of missing) {
    await client.notificationSetting.create({ data: { event, ...toRow(DEFAULT_NOTIFICATION_SETTINGS[event]) } });
  }
  return missing.length;
}
