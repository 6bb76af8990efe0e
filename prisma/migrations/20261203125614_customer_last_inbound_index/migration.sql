-- CreateIndex
CREATE INDEX "Customer_lastInboundWhatsAppAt_idx" ON "Customer"("lastInboundWhatsAppAt");

