"use client";

import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" className="shrink-0" onClick={() => signOut({ callbackUrl: "/login" })}>
      <LogOut aria-hidden />
      {/* Read by screen readers everywhere; shown where there is room. */}
      <span className="sr-only xl:not-sr-only">Sign out</span>
    </Button>
  );
}
