package cn.shequ.identity;

/**
 * The demo's places, funds, providers and users (default profile only), seeded by {@link IdentityBootstrap} once
 * the groups and their grants exist. It lives above identity (cn.shequ.demo), since it opens funds and
 * registers providers: identity knows only that there is one (ADR 0047).
 */
public interface DemoSeed {

    /** Every demo account's password (API.md); the demo-password guard refuses to start while an account has it. */
    String PASSWORD = "demo";

    /** Creates what is absent; a restart never duplicates anything. */
    void seed();
}
