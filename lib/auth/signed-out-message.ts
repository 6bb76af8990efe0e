// What an admin whose session has ended is told: by the action wrapper, and by a password change
// on an account deactivated meanwhile. Its own module, so tests that stand in for the session
// module keep the real sentence.
export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again to continue.";
