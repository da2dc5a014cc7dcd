"use server";
// Sign-in and sign-out as server actions (Next.js checks their Origin: CSRF-safe).
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "../../domain/errors";
import { clientIp, limitSignIn } from "../../server/rate-limit";
import { userUpsertSchema } from "../../domain/schemas";
import { safeNextPath } from "../../server/redirect";
import { DEV_LOGIN_ID, signIn, signInOptions, signOut } from "../../server/auth";

const safeNext = (v: FormDataEntryValue | null) => safeNextPath(v);

export async function devSignIn(form: FormData): Promise<void> {
  const next = safeNext(form.get("next"));
  const email = String(form.get("email") ?? "").trim();
  const parsed = userUpsertSchema.safeParse({ email, name: String(form.get("name") ?? "").trim() || null });
  if (!parsed.success) {
    const field = parsed.error.issues.some((i) => i.path[0] === "email") ? "email" : "name";
    redirect(`/signin?error=${field}&email=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`);
  }
  try {
    await limitSignIn(clientIp(await headers()), parsed.data.email);
  } catch (e) {
    if (e instanceof AppError && e.code === "rate_limited") redirect(`/signin?error=rate_limited&next=${encodeURIComponent(next)}`);
    throw e;
  }
  try {
    await signIn(DEV_LOGIN_ID, { email: parsed.data.email, name: parsed.data.name ?? "", redirectTo: next });
  } catch (e) {
    if (e instanceof AuthError) redirect(`/signin?error=${e.type}`);
    throw e;
  }
}

export async function providerSignIn(form: FormData): Promise<void> {
  const provider = String(form.get("provider") ?? "");
  if (!signInOptions().some((o) => o.id === provider && o.kind === "oauth")) redirect("/signin?error=provider");
  try {
    await limitSignIn(clientIp(await headers()), null);
  } catch (e) {
    if (e instanceof AppError && e.code === "rate_limited") redirect("/signin?error=rate_limited");
    throw e;
  }
  await signIn(provider, { redirectTo: safeNext(form.get("next")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signed_out=1" });
}
