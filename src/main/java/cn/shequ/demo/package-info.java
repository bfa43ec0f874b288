/**
 * The demo (default profile only): the district, street office, communities, funds, providers and users of
 * API.md, seeded at start-up through identity's {@link cn.shequ.identity.DemoSeed}. An application-level
 * module: it uses identity, fund and provider, and nothing uses it but the start-up.
 *
 * <p>Offers: nothing to other modules.
 */
package cn.shequ.demo;
