-- CreateTable
CREATE TABLE "PaceClock" (
    "key" TEXT NOT NULL,
    "nextAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PaceClock_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PaceWindow" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "at" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PaceWindow_pkey" PRIMARY KEY ("key","slot")
);

-- CreateTable
CREATE TABLE "PacePair" (
    "key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "tat" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PacePair_pkey" PRIMARY KEY ("key","recipient")
);

