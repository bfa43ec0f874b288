/**
 * Refusals as domain objects: {@link cn.shequ.refusal.Refusal} is what a rule of Shequ throws when
 * it refuses a request (bad input, not allowed, nothing there, the wrong state, too many tries, a
 * service that cannot answer now). It says what kind of refusal it is, never how a door answers it:
 * only {@code cn.shequ.web} turns a refusal into an HTTP status and the error body of API.md (for
 * {@code /api}, the pages, Tasklist's engine API and {@code /engine-rest}).
 *
 * <p>This package is at the very bottom: it imports nothing but {@code java.*}, no Spring and no
 * other Shequ package, so that every package can throw a refusal without depending on the web
 * layer ({@code RefusalBoundaryTest} checks it; ADR 0046).
 */
package cn.shequ.refusal;
