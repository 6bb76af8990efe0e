-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "inboxSeenAt" TIMESTAMP(3);

