/**
 * Who the users are and where they belong: groups of DESIGN.md, each user's community, street
 * office, district or organisation, the districts, streets and communities themselves, and the
 * start-up bootstrap of identities (demo data, first administrator, demo-password guard).
 */
package cn.shequ.identity;
