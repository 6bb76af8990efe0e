-- DropIndex
DROP INDEX "Message_status_createdAt_idx";

-- DropIndex
DROP INDEX "Message_createdAt_idx";

-- CreateIndex
CREATE INDEX "Message_createdAt_id_idx" ON "Message"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_status_createdAt_id_idx" ON "Message"("status", "createdAt", "id");

