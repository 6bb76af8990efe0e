-- AlterTable
ALTER TABLE "Quote" ADD COLUMN "acceptTokenHash" TEXT;
ALTER TABLE "Quote" ADD COLUMN "declineReason" TEXT;
ALTER TABLE "Quote" ADD COLUMN "respondedAt" DATETIME;
ALTER TABLE "Quote" ADD COLUMN "validUntil" DATETIME;

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'confirmed',
    "description" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "deliveryDate" TEXT,
    "deliveryAddress" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "amountCents" INTEGER,
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "AdminUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "event" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "templateName" TEXT,
    "templateLanguage" TEXT,
    "templateParams" TEXT NOT NULL DEFAULT '[]',
    "templateButtonParam" TEXT,
    "emailSubject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotificationSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "AdminUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaughtEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MessageAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "workerId" TEXT,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "outcome" TEXT,
    "errorCode" TEXT,
    "errorTitle" TEXT,
    "errorDetail" TEXT,
    "providerMessageId" TEXT,
    "response" TEXT,
    CONSTRAINT "MessageAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "customerId" TEXT,
    "quoteId" TEXT,
    "orderId" TEXT,
    "sentById" TEXT,
    "event" TEXT,
    "origin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT,
    "templateName" TEXT,
    "templateLanguage" TEXT,
    "templateParams" TEXT,
    "recipient" TEXT,
    "subject" TEXT,
    "fallbackReason" TEXT,
    "providerResponse" TEXT,
    "requestPayload" TEXT,
    "providerMessageId" TEXT,
    "idempotencyKey" TEXT,
    "status" TEXT NOT NULL,
    "statusRank" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" DATETIME,
    "sentAt" DATETIME,
    "deliveredAt" DATETIME,
    "readAt" DATETIME,
    "failedAt" DATETIME,
    "errorCode" TEXT,
    "errorTitle" TEXT,
    "errorDetail" TEXT,
    "errorTraceId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME,
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Message_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "AdminUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("acceptedAt", "attempts", "body", "channel", "createdAt", "customerId", "deliveredAt", "direction", "errorCode", "errorDetail", "errorTitle", "errorTraceId", "failedAt", "id", "idempotencyKey", "kind", "origin", "providerMessageId", "quoteId", "readAt", "recipient", "requestPayload", "sentAt", "sentById", "status", "statusRank", "templateLanguage", "templateName", "templateParams", "updatedAt") SELECT "acceptedAt", "attempts", "body", "channel", "createdAt", "customerId", "deliveredAt", "direction", "errorCode", "errorDetail", "errorTitle", "errorTraceId", "failedAt", "id", "idempotencyKey", "kind", "origin", "providerMessageId", "quoteId", "readAt", "recipient", "requestPayload", "sentAt", "sentById", "status", "statusRank", "templateLanguage", "templateName", "templateParams", "updatedAt" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE UNIQUE INDEX "Message_providerMessageId_key" ON "Message"("providerMessageId");
CREATE UNIQUE INDEX "Message_idempotencyKey_key" ON "Message"("idempotencyKey");
CREATE INDEX "Message_customerId_createdAt_idx" ON "Message"("customerId", "createdAt");
CREATE INDEX "Message_quoteId_createdAt_idx" ON "Message"("quoteId", "createdAt");
CREATE INDEX "Message_orderId_createdAt_idx" ON "Message"("orderId", "createdAt");
CREATE INDEX "Message_createdAt_idx" ON "Message"("createdAt");
CREATE INDEX "Message_status_createdAt_idx" ON "Message"("status", "createdAt");
CREATE INDEX "Message_status_dueAt_idx" ON "Message"("status", "dueAt");
CREATE INDEX "Message_status_leaseUntil_idx" ON "Message"("status", "leaseUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Order_quoteId_key" ON "Order"("quoteId");

-- CreateIndex
CREATE INDEX "Order_createdAt_id_idx" ON "Order"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_status_createdAt_id_idx" ON "Order"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_deliveryDate_id_idx" ON "Order"("deliveryDate", "id");

-- CreateIndex
CREATE INDEX "Order_totalCents_id_idx" ON "Order"("totalCents", "id");

-- CreateIndex
CREATE INDEX "Order_customerId_idx" ON "Order"("customerId");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "CaughtEmail_createdAt_idx" ON "CaughtEmail"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageAttempt_messageId_number_key" ON "MessageAttempt"("messageId", "number");

-- CreateIndex
CREATE INDEX "Customer_createdAt_id_idx" ON "Customer"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_acceptTokenHash_key" ON "Quote"("acceptTokenHash");

