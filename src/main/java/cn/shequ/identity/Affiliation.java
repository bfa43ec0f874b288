package cn.shequ.identity;

/**
 * Where a user belongs: at most one community (社区), street office (街道), district (区) and
 * organisation (a provider's id). A committee member acts only for their own community.
 */
public record Affiliation(String userId, String displayName, String communityCode, String streetCode,
                          String districtCode, Long organisationId) {}
