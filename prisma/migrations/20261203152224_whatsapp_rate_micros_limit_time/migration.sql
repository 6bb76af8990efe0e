-- AlterTable
ALTER TABLE "WhatsAppLimitSetting" ADD COLUMN "metaTierAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WhatsAppRate" (
    "category" TEXT NOT NULL PRIMARY KEY,
    "amountMicros" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
-- Rates were whole cents: a cent is 10,000 millionths of the unit.
INSERT INTO "new_WhatsAppRate" ("category", "amountMicros", "currency", "updatedAt") SELECT "category", "amountCents" * 10000, "currency", "updatedAt" FROM "WhatsAppRate";
DROP TABLE "WhatsAppRate";
ALTER TABLE "new_WhatsAppRate" RENAME TO "WhatsAppRate";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

