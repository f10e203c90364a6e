// Sends the strict Content-Security-Policy of CONTRACT.md with any test page requested with ?csp,
// so the drop-in test proves the widgets work under the header a council's site would send.
export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

export async function cspHeader(context, next) {
  await next();
  if (context.path.endsWith('.html') && 'csp' in context.query) context.set('Content-Security-Policy', STRICT_CSP);
}
