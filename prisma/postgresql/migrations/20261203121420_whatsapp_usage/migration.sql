-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "businessInitiatedAt" TIMESTAMP(3),
ADD COLUMN     "pricedAt" TIMESTAMP(3),
ADD COLUMN     "pricingBillable" BOOLEAN,
ADD COLUMN     "pricingCategory" TEXT,
ADD COLUMN     "pricingModel" TEXT,
ADD COLUMN     "pricingType" TEXT;

-- CreateTable
CREATE TABLE "WhatsAppLimitSetting" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "metaTier" TEXT,
    "metaCheckedAt" TIMESTAMP(3),
    "metaError" TEXT,
    "fallbackTier" TEXT NOT NULL DEFAULT 'TIER_250',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppLimitSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhatsAppRate" (
    "category" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppRate_pkey" PRIMARY KEY ("category")
);

-- CreateIndex
CREATE INDEX "Message_businessInitiatedAt_idx" ON "Message"("businessInitiatedAt");

-- CreateIndex
CREATE INDEX "Message_pricedAt_idx" ON "Message"("pricedAt");

