/** Yearly numbering (project and procurement codes, document numbers) from one locked table, {@code code_sequence}. */
package cn.shequ.sequence;
