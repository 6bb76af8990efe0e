// The banner's notice for this installation's token.
import "server-only";
import { configuredSetupKey } from "@/lib/whatsapp-setup/configured";
import { readTokenNotice, type TTokenNotice } from "@/lib/whatsapp-setup/notice";

export const configuredTokenNotice = (now = new Date()): Promise<TTokenNotice | null> => readTokenNotice(configuredSetupKey(), now);
