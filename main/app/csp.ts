/**
 * The renderer's Content-Security-Policy. `renderer/index.html` carries the same policy in a meta
 * tag (for the desktop app, loaded from file://); the web host also sends it as a header with its
 * own WebSocket origin added. Inline styles are allowed because xterm.js themes itself with a
 * <style> element; scripts never are.
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export function contentSecurityPolicy(connectSrc: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectSrc].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
