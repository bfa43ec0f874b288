package cn.shequ.procurement;

/** The street office and district of a service project's community: the purchasers that may buy for it. */
public record ProjectArea(String street, String district) {}
