-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "emailVerifiedAt" DATETIME;
ALTER TABLE "Customer" ADD COLUMN "phoneVerifiedAt" DATETIME;

-- CreateTable
CREATE TABLE "CustomerEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "field" TEXT,
    "fromValue" TEXT,
    "toValue" TEXT,
    "note" TEXT,
    "quoteId" TEXT,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomerEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerEvent_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CustomerEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "AdminUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactOffer_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactOffer_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactOffer_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "AdminUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Quote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "contactPreference" TEXT NOT NULL DEFAULT 'email',
    "whatsappConsentAt" DATETIME,
    "emailVerifiedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'new',
    "occasion" TEXT NOT NULL,
    "budgetCents" INTEGER,
    "currency" TEXT NOT NULL,
    "neededBy" TEXT,
    "deliveryArea" TEXT,
    "notes" TEXT,
    "quotedAmountCents" INTEGER,
    "quoteMessage" TEXT,
    "answeredAt" DATETIME,
    "validUntil" DATETIME,
    "acceptTokenHash" TEXT,
    "respondedAt" DATETIME,
    "declineReason" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Quote_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Existing quotes keep the details their customer has now: the best record of what they were requested with.
INSERT INTO "new_Quote" ("acceptTokenHash", "answeredAt", "budgetCents", "createdAt", "currency", "customerId", "declineReason", "deliveryArea", "id", "neededBy", "notes", "number", "occasion", "quoteMessage", "quotedAmountCents", "respondedAt", "searchText", "status", "updatedAt", "validUntil", "contactName", "contactEmail", "contactPhone", "contactPreference", "whatsappConsentAt") SELECT q."acceptTokenHash", q."answeredAt", q."budgetCents", q."createdAt", q."currency", q."customerId", q."declineReason", q."deliveryArea", q."id", q."neededBy", q."notes", q."number", q."occasion", q."quoteMessage", q."quotedAmountCents", q."respondedAt", q."searchText", q."status", q."updatedAt", q."validUntil", c."name", c."email", c."phone", c."contactPreference", CASE WHEN c."contactPreference" = 'whatsapp' THEN c."whatsappConsentAt" END FROM "Quote" q JOIN "Customer" c ON c."id" = q."customerId";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE UNIQUE INDEX "Quote_number_key" ON "Quote"("number");
CREATE UNIQUE INDEX "Quote_acceptTokenHash_key" ON "Quote"("acceptTokenHash");
CREATE INDEX "Quote_createdAt_id_idx" ON "Quote"("createdAt", "id");
CREATE INDEX "Quote_status_createdAt_id_idx" ON "Quote"("status", "createdAt", "id");
CREATE INDEX "Quote_customerId_idx" ON "Quote"("customerId");
CREATE INDEX "Quote_neededBy_id_idx" ON "Quote"("neededBy", "id");
CREATE INDEX "Quote_budgetCents_id_idx" ON "Quote"("budgetCents", "id");
CREATE INDEX "Quote_contactEmail_createdAt_idx" ON "Quote"("contactEmail", "createdAt");
CREATE INDEX "Quote_contactPhone_createdAt_idx" ON "Quote"("contactPhone", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CustomerEvent_customerId_createdAt_idx" ON "CustomerEvent"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactOffer_customerId_status_idx" ON "ContactOffer"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContactOffer_quoteId_field_key" ON "ContactOffer"("quoteId", "field");

