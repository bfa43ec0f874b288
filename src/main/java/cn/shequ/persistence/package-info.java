/** How Shequ talks to its database beyond the mappers: reading a row once per transaction ({@link cn.shequ.persistence.ReadOnce}). */
package cn.shequ.persistence;
