// Meta raising or lowering the business portfolio's messaging limit, for the sandbox: the phone
// number reports the new tier (whatsapp_business_manager_messaging_limit) and the signed
// business_capability_update webhook is posted, as Meta does when its scaling review decides.
import type { TWebhookEnvelope } from "@/lib/whatsapp/types";
import { accountFieldEnvelope, type TWebhookDelivery } from "@/lib/whatsapp/sandbox/webhooks";

/** `limit`: what max_daily_conversations_per_business carries (a tier such as "TIER_2K", or a number such as 2000 or -1). */
function capabilityEnvelope(wabaId: string, limit: unknown, at: Date): TWebhookEnvelope {
  return accountFieldEnvelope(wabaId, at, "business_capability_update", { max_daily_conversations_per_business: limit, max_phone_numbers_per_waba: 25 });
}

type TControlsInput = {
  wabaId: string;
  /** The phone number's tier changes (what the management endpoint reports). */
  setTier: (tier: string) => void;
  post: (payload: unknown) => Promise<TWebhookDelivery>;
};

export function createCapabilityControls({ wabaId, setTier, post }: TControlsInput) {
  return {
    /**
     * Meta changes the messaging limit to `tier` and says so by webhook; `reported` replaces what
     * the webhook carries (a number, or a value Meta might send that the app cannot read), `at`
     * dates the change (default now), for tests of late deliveries.
     */
    setMessagingLimit(input: { tier: string; reported?: unknown; at?: Date }): Promise<TWebhookDelivery> {
      setTier(input.tier);
      return post(capabilityEnvelope(wabaId, input.reported ?? input.tier, input.at ?? new Date()));
    },
  };
}
