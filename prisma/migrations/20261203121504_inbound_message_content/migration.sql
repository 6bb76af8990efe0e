-- AlterTable
ALTER TABLE "Message" ADD COLUMN "contactsJson" TEXT;
ALTER TABLE "Message" ADD COLUMN "contextWamid" TEXT;
ALTER TABLE "Message" ADD COLUMN "locationAddress" TEXT;
ALTER TABLE "Message" ADD COLUMN "locationLatitude" REAL;
ALTER TABLE "Message" ADD COLUMN "locationLongitude" REAL;
ALTER TABLE "Message" ADD COLUMN "locationName" TEXT;
ALTER TABLE "Message" ADD COLUMN "mediaFilename" TEXT;
ALTER TABLE "Message" ADD COLUMN "mediaId" TEXT;
ALTER TABLE "Message" ADD COLUMN "mediaMimeType" TEXT;
ALTER TABLE "Message" ADD COLUMN "mediaSha256" TEXT;
ALTER TABLE "Message" ADD COLUMN "mediaSize" INTEGER;
ALTER TABLE "Message" ADD COLUMN "readReceiptSentAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "replyId" TEXT;
ALTER TABLE "Message" ADD COLUMN "replyOutcome" TEXT;

