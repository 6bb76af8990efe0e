-- CreateTable
CREATE TABLE "PaceClock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAt" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "PaceWindow" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "at" REAL NOT NULL,

    PRIMARY KEY ("key", "slot")
);

-- CreateTable
CREATE TABLE "PacePair" (
    "key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "tat" REAL NOT NULL,

    PRIMARY KEY ("key", "recipient")
);

