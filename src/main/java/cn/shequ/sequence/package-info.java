/**
 * Yearly numbering (project and procurement codes, document numbers) from one locked table, {@code code_sequence}.
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link YearlySequences}, {@link SequenceStore} (for tests without a
 * database).
 */
package cn.shequ.sequence;
