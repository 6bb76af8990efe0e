// The few SQL spellings that differ between SQLite and PostgreSQL, for the modules that write raw
// SQL: one place, so a query reads the same on both and only names what differs.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { dialect as currentDialect, type TDialect } from "@/lib/db";

export type TDialectSql = {
  /** The larger / smaller of two values (SQLite spells them as the two-argument MAX / MIN). */
  greatest(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql;
  least(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql;
  /**
   * A number parameter as a 64-bit integer. PostgreSQL types a bare parameter from its context,
   * and in arithmetic that is a 32-bit integer (epoch milliseconds overflow it).
   */
  bigint(value: number): Prisma.Sql;
  /** A number parameter as a double (a whole number would otherwise arrive as an integer). */
  float(value: number): Prisma.Sql;
  /** Appended to a SELECT that claims rows: concurrent claimers take different rows instead of queueing (SQLite has one writer anyway). */
  skipLocked: Prisma.Sql;
};

export function sqlFor(dialect: TDialect): TDialectSql {
  if (dialect === "postgresql") {
    return {
      greatest: (a, b) => Prisma.sql`GREATEST(${a}, ${b})`,
      least: (a, b) => Prisma.sql`LEAST(${a}, ${b})`,
      bigint: (value) => Prisma.sql`CAST(${value} AS BIGINT)`,
      float: (value) => Prisma.sql`CAST(${value} AS DOUBLE PRECISION)`,
      skipLocked: Prisma.sql`FOR UPDATE SKIP LOCKED`,
    };
  }
  return {
    greatest: (a, b) => Prisma.sql`MAX(${a}, ${b})`,
    least: (a, b) => Prisma.sql`MIN(${a}, ${b})`,
    bigint: (value) => Prisma.sql`${value}`,
    float: (value) => Prisma.sql`${value}`,
    skipLocked: Prisma.empty,
  };
}

/** The spellings of the database this process runs on. */
export const dialectSql = sqlFor(currentDialect);
