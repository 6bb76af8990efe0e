-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "inboxSeenAt" DATETIME;

