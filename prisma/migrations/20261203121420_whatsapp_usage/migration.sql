-- AlterTable
ALTER TABLE "Message" ADD COLUMN "businessInitiatedAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "pricedAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "pricingBillable" BOOLEAN;
ALTER TABLE "Message" ADD COLUMN "pricingCategory" TEXT;
ALTER TABLE "Message" ADD COLUMN "pricingModel" TEXT;
ALTER TABLE "Message" ADD COLUMN "pricingType" TEXT;

-- CreateTable
CREATE TABLE "WhatsAppLimitSetting" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'default',
    "metaTier" TEXT,
    "metaCheckedAt" DATETIME,
    "metaError" TEXT,
    "fallbackTier" TEXT NOT NULL DEFAULT 'TIER_250',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WhatsAppRate" (
    "category" TEXT NOT NULL PRIMARY KEY,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Message_businessInitiatedAt_idx" ON "Message"("businessInitiatedAt");

-- CreateIndex
CREATE INDEX "Message_pricedAt_idx" ON "Message"("pricedAt");

