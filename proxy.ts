// Sends signed-out visitors of /admin to the login page. A convenience only: every admin page,
// action and route handler checks the session itself (lib/auth/session.ts).
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = { matcher: ["/admin/:path*"] };
