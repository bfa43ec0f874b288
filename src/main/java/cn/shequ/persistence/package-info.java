/**
 * How Shequ talks to its database beyond the mappers: reading a row once per transaction ({@link cn.shequ.persistence.ReadOnce}).
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link ReadOnce}.
 */
package cn.shequ.persistence;
