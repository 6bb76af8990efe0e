-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "whatsappUsername" TEXT;

-- CreateTable
CREATE TABLE "OptOutSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "words" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

