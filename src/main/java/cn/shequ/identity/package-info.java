/**
 * Who the users are and where they belong: groups of DESIGN.md, each user's community, street
 * office, district or organisation, the districts, streets and communities themselves, and the
 * start-up bootstrap of identities (groups and their engine grants, the demo through {@link DemoSeed},
 * first administrator, demo-password guard).
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link Groups}, {@link CurrentUser},
 * {@link CurrentUsers}, {@link Affiliation}, {@link Community}, {@link Communities}, {@link OrganisationMapper},
 * {@link LoginThrottle}, {@link LoginThrottledException}, {@link LoginProperties},
 * {@link PasswordPolicyRules}, {@link TaskGrants}, {@link ProcessGrants}, {@link DemoSeed}.
 */
package cn.shequ.identity;
