import type { Metadata } from "next";
import { AuthCard } from "../auth-card";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro="Enter the email of your admin account. We send it a link to choose a new password; it works even while sign-in asks you to wait.">
      <ForgotForm />
    </AuthCard>
  );
}
