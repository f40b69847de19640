// app/api/auth/[...path]/route.ts: every /api/auth/* request goes to the latchkey handler, which
// takes a Fetch `Request` and returns a `Response`, exactly what a route handler is.
// (In a Next.js project write `import { auth } from '@/lib/auth';`.)
import { auth } from '../../../../lib/auth.js';

export const runtime = 'nodejs'; // SQLite and argon2 need Node, not the edge runtime
export const dynamic = 'force-dynamic'; // never cache auth answers

const handle = (request: Request): Promise<Response> => auth(request);
export { handle as GET, handle as POST, handle as PATCH, handle as DELETE };
