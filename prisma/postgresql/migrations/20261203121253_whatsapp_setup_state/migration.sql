-- CreateTable
CREATE TABLE "WhatsAppSetupState" (
    "phoneNumberId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "tokenValid" BOOLEAN,
    "tokenType" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "checksJson" TEXT,
    "refusedAt" TIMESTAMP(3),
    "refusedCode" TEXT,
    "refusedTitle" TEXT,
    "nextCheckAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppSetupState_pkey" PRIMARY KEY ("phoneNumberId")
);

