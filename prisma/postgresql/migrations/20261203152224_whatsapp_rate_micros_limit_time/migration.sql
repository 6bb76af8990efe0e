-- AlterTable
ALTER TABLE "WhatsAppLimitSetting" ADD COLUMN     "metaTierAt" TIMESTAMP(3);

-- AlterTable
-- Rates were whole cents: a cent is 10,000 millionths of the unit.
ALTER TABLE "WhatsAppRate" ADD COLUMN "amountMicros" BIGINT;
UPDATE "WhatsAppRate" SET "amountMicros" = "amountCents"::BIGINT * 10000;
ALTER TABLE "WhatsAppRate" ALTER COLUMN "amountMicros" SET NOT NULL, DROP COLUMN "amountCents";

