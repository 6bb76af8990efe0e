// A customer the merge search found, as the merge dialog shows it. Client-safe.
import type { findMergeCandidatesAction } from "../actions";

type TSearchResult = NonNullable<Awaited<ReturnType<typeof findMergeCandidatesAction>>>;
export type TMergeCandidateRow = NonNullable<TSearchResult["data"]>[number];

/** "1 quote", "3 orders". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
