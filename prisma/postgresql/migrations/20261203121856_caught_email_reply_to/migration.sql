-- AlterTable
ALTER TABLE "CaughtEmail" ADD COLUMN     "replyTo" TEXT;

