-- CreateTable
CREATE TABLE "WhatsAppTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "metaId" TEXT,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "previousCategory" TEXT,
    "categoryChangedAt" DATETIME,
    "upcomingCategory" TEXT,
    "upcomingCategoryAt" DATETIME,
    "components" TEXT NOT NULL DEFAULT '[]',
    "parameterFormat" TEXT NOT NULL DEFAULT 'POSITIONAL',
    "quality" TEXT,
    "rejectedReason" TEXT,
    "statusReason" TEXT,
    "statusAt" DATETIME NOT NULL,
    "syncedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WhatsAppTemplateSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "succeededAt" DATETIME,
    "error" TEXT,
    "templates" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "WhatsAppTemplate_name_language_key" ON "WhatsAppTemplate"("name", "language");

