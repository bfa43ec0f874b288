/**
 * The thin layer between Shequ and the Camunda 7 engine: the shared clock and the identity
 * service. Features call these classes instead of Camunda's, so that a later move to
 * Operaton (same API under {@code org.operaton}) touches this package only.
 */
package cn.shequ.engine;
