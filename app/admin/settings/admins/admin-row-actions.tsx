"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { ADMIN_ROLES, ROLE_LABELS, type TAdminRole } from "@/lib/roles";
import type { TAdminStatus } from "@/lib/admins/queries";
import { changeAdminRoleAction, deactivateAdminAction, inviteAdminAction, reactivateAdminAction } from "./actions";

type TProps = { adminId: string; email: string; role: TAdminRole; status: TAdminStatus; isSelf: boolean };

type TResult = { data?: unknown; serverError?: string; validationErrors?: unknown } | undefined;

/** Role, deactivate/reactivate and resend for one admin; what the server refuses is a toast. */
export function AdminRowActions({ adminId, email, role, status, isSelf }: TProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<TResult>, done: string) {
    setBusy(true);
    try {
      const result = await work();
      if (result?.data) {
        toast.success(done);
        router.refresh();
      } else {
        toast.error(result?.serverError ?? "That did not work. Please try again.");
      }
    } finally {
      setBusy(false);
    }
  }

  const label = `Role of ${email}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={label}
        value={role}
        disabled={busy || status === "deactivated"}
        className="w-28"
        onChange={(event) => {
          const next = event.target.value as TAdminRole;
          void run(() => changeAdminRoleAction({ adminId, role: next }), `${email} is now ${ROLE_LABELS[next].toLowerCase()}.`);
        }}
      >
        {ADMIN_ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </Select>
      {status === "invited" ? (
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => inviteAdminAction({ email, role }), `Invitation sent again to ${email}.`)}>
          Resend invitation
        </Button>
      ) : null}
      {status === "deactivated" ? (
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => reactivateAdminAction({ adminId }), `${email} can sign in again.`)}>
          Reactivate
        </Button>
      ) : isSelf ? null : (
        <Button
          size="sm"
          variant="destructive"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Deactivate ${email}? Their sessions end at once.`)) void run(() => deactivateAdminAction({ adminId }), `${email} is deactivated.`);
          }}
        >
          Deactivate
        </Button>
      )}
    </div>
  );
}
