-- AlterTable
ALTER TABLE "Message" ADD COLUMN "templateButtonParam" TEXT;

