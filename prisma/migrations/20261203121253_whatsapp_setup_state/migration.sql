-- CreateTable
CREATE TABLE "WhatsAppSetupState" (
    "phoneNumberId" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "checkedAt" DATETIME,
    "tokenValid" BOOLEAN,
    "tokenType" TEXT,
    "tokenExpiresAt" DATETIME,
    "checksJson" TEXT,
    "refusedAt" DATETIME,
    "refusedCode" TEXT,
    "refusedTitle" TEXT,
    "nextCheckAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

