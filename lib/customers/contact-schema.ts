// Inputs of the admin's contact changes on a customer: editing the details, applying or
// ignoring what a quote request offered, merging two records. One schema each, shared by the
// form (zodResolver) and the server action. Client-safe.
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";

const id = (what: string) => ZTextSchema.min(1, `Choose ${what}.`).max(64);

export const CUSTOMER_LIMITS = { name: 120, email: 254, phone: 30 } as const;

export const ZEditCustomerDetailsSchema = z.object({
  customerId: id("a customer"),
  name: ZTextSchema.trim().min(2, "Enter the customer's name.").max(CUSTOMER_LIMITS.name, `Keep the name to ${CUSTOMER_LIMITS.name} characters or fewer.`),
  // Empty means "none"; the server normalises and checks that no other customer holds it.
  email: z.union([z.literal(""), z.email("Enter an email address like name@example.com.").max(CUSTOMER_LIMITS.email)]),
  phone: ZTextSchema.trim().max(CUSTOMER_LIMITS.phone, "Enter a phone number of up to 30 characters."),
});
export type TEditCustomerDetails = z.infer<typeof ZEditCustomerDetailsSchema>;

export const ZResolveContactOfferSchema = z.object({
  offerId: id("an offered detail"),
  decision: z.enum(["apply", "ignore"], { error: "Choose Apply or Ignore." }),
});
export type TResolveContactOffer = z.infer<typeof ZResolveContactOfferSchema>;

export const ZMergeCustomersSchema = z.object({
  keepId: id("the customer to keep"),
  mergeId: id("the customer to merge into it"),
});
export type TMergeCustomers = z.infer<typeof ZMergeCustomersSchema>;

export const ZFindMergeCandidatesSchema = z.object({
  customerId: id("a customer"),
  query: ZTextSchema.trim().min(2, "Type at least two characters of a name, email or phone.").max(120),
});
