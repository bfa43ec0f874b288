package cn.shequ.identity;

import java.util.List;

/** The logged-in user of a request: id, name, Camunda groups and where they belong. */
public record CurrentUser(String userId, String name, List<String> groups, Affiliation affiliation) {

    public boolean isIn(String groupId) {
        return groups.contains(groupId);
    }

    public String communityCode() {
        return affiliation == null ? null : affiliation.communityCode();
    }

    public String streetCode() {
        return affiliation == null ? null : affiliation.streetCode();
    }

    public String districtCode() {
        return affiliation == null ? null : affiliation.districtCode();
    }

    public Long organisationId() {
        return affiliation == null ? null : affiliation.organisationId();
    }
}
