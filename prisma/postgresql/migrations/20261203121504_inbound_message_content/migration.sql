-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "contactsJson" TEXT,
ADD COLUMN     "contextWamid" TEXT,
ADD COLUMN     "locationAddress" TEXT,
ADD COLUMN     "locationLatitude" DOUBLE PRECISION,
ADD COLUMN     "locationLongitude" DOUBLE PRECISION,
ADD COLUMN     "locationName" TEXT,
ADD COLUMN     "mediaFilename" TEXT,
ADD COLUMN     "mediaId" TEXT,
ADD COLUMN     "mediaMimeType" TEXT,
ADD COLUMN     "mediaSha256" TEXT,
ADD COLUMN     "mediaSize" INTEGER,
ADD COLUMN     "readReceiptSentAt" TIMESTAMP(3),
ADD COLUMN     "replyId" TEXT,
ADD COLUMN     "replyOutcome" TEXT;

