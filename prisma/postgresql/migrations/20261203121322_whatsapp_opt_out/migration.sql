-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "whatsappUsername" TEXT;

-- CreateTable
CREATE TABLE "OptOutSetting" (
    "id" TEXT NOT NULL,
    "words" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OptOutSetting_pkey" PRIMARY KEY ("id")
);

