/**
 * The thin layer between Shequ and the Camunda 7 engine: the shared clock and the identity
 * service. Features call these classes instead of Camunda's, so that a later move to
 * Operaton (same API under {@code org.operaton}) touches this package only.
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link ShequClock}, {@link EngineTasks},
 * {@link EngineIdentity}, {@link EngineProcesses}, {@link EngineJobs}, {@link EngineGrants},
 * {@link EngineDecisions}, {@link TasklistFilters}, {@link CommandGate}, {@link WebappSessions}, {@link ComputedFormVariables},
 * {@link NewTasks}.
 */
package cn.shequ.engine;
