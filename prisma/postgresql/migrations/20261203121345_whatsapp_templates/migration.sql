-- CreateTable
CREATE TABLE "WhatsAppTemplate" (
    "id" TEXT NOT NULL,
    "metaId" TEXT,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "previousCategory" TEXT,
    "categoryChangedAt" TIMESTAMP(3),
    "upcomingCategory" TEXT,
    "upcomingCategoryAt" TIMESTAMP(3),
    "components" TEXT NOT NULL DEFAULT '[]',
    "parameterFormat" TEXT NOT NULL DEFAULT 'POSITIONAL',
    "quality" TEXT,
    "rejectedReason" TEXT,
    "statusReason" TEXT,
    "statusAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhatsAppTemplateSync" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "succeededAt" TIMESTAMP(3),
    "error" TEXT,
    "templates" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppTemplateSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppTemplate_name_language_key" ON "WhatsAppTemplate"("name", "language");

