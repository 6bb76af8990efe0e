-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    "outcome" TEXT,
    "detail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "parkedAt" DATETIME,
    "retriedAt" DATETIME,
    "retriedById" TEXT,
    "discardedById" TEXT
);
INSERT INTO "new_WebhookDelivery" ("body", "detail", "id", "outcome", "processedAt", "receivedAt", "source") SELECT "body", "detail", "id", "outcome", "processedAt", "receivedAt", "source" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
CREATE INDEX "WebhookDelivery_processedAt_parkedAt_nextAttemptAt_idx" ON "WebhookDelivery"("processedAt", "parkedAt", "nextAttemptAt");
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Deliveries stored before this migration are due when they were received.
UPDATE "WebhookDelivery" SET "nextAttemptAt" = "receivedAt";
