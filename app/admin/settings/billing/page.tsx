import type { Metadata } from "next";
import { requireOwner } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { RATE_CATEGORIES, categoryLabel } from "@/lib/whatsapp-usage/cost-estimate";
import { listRates } from "@/lib/whatsapp-usage/rates";
import { microsToRateText } from "@/lib/whatsapp-usage/schema";
import { isKnownTier, tierLabel, type TMessagingLimitTier } from "@/lib/whatsapp-usage/tiers";
import { messagingLimitUsage } from "@/lib/whatsapp-usage/usage";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MessagingLimitMeter } from "@/components/messaging-limit-meter";
import { CheckLimitButton } from "./check-limit-button";
import { UsageSettingsForm } from "./usage-settings-form";

export const metadata: Metadata = { title: "Limits and rates" };

export default async function LimitsAndRatesPage() {
  await requireOwner("/admin/settings/billing");
  const [usage, rates] = await Promise.all([messagingLimitUsage(), listRates()]);
  const { setting } = usage;
  const rateOf = new Map(rates.filter((rate) => rate.currency === env.BUSINESS_CURRENCY).map((rate) => [rate.category, rate.amountMicros]));
  const otherCurrency = rates.filter((rate) => rate.currency !== env.BUSINESS_CURRENCY);
  const defaults = {
    fallbackTier: (isKnownTier(setting.fallbackTier) ? setting.fallbackTier : "TIER_250") as TMessagingLimitTier,
    ...Object.fromEntries(RATE_CATEGORIES.map((category) => [category, rateOf.has(category) ? microsToRateText(rateOf.get(category)!) : ""])),
  } as Parameters<typeof UsageSettingsForm>[0]["defaults"];

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Limits and rates</h1>
        <p className="text-slate-600">
          WhatsApp&apos;s messaging limit is how many customers the business may reach with business-initiated messages (templates outside the customer&apos;s 24-hour
          window) in any 24 hours. Above it, such messages wait in the queue until a slot frees; replies inside a window never wait.
        </p>
      </div>
      <Card aria-labelledby="limit-heading">
        <CardHeader>
          <CardTitle id="limit-heading">Messaging limit</CardTitle>
          <CheckLimitButton />
        </CardHeader>
        <CardContent className="space-y-3">
          <MessagingLimitMeter usage={usage} />
          <p className="text-sm text-slate-600" data-testid="limit-source">
            {setting.source === "meta"
              ? `Meta reports ${tierLabel(setting.tier, env.BUSINESS_LOCALE)} customers in 24 hours (read ${formatDateTime(setting.metaCheckedAt)}).`
              : `Meta's limit is not known${setting.metaCheckedAt ? ` (last try ${formatDateTime(setting.metaCheckedAt)})` : ""}: using ${tierLabel(setting.tier, env.BUSINESS_LOCALE)} from the setting below.`}
            {setting.metaError ? ` The last read failed: ${setting.metaError}` : ""}
          </p>
        </CardContent>
      </Card>
      <Card aria-labelledby="rates-heading">
        <CardHeader>
          <CardTitle id="rates-heading">Settings</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          {otherCurrency.length ? (
            <Alert tone="warning">
              {otherCurrency.map((rate) => `${categoryLabel(rate.category)} (${rate.currency})`).join(", ")}: saved in another currency than {env.BUSINESS_CURRENCY}, so not used. Enter it again in{" "}
              {env.BUSINESS_CURRENCY}.
            </Alert>
          ) : null}
          <UsageSettingsForm defaults={defaults} currency={env.BUSINESS_CURRENCY} />
        </CardContent>
      </Card>
    </div>
  );
}
