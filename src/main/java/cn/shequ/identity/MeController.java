package cn.shequ.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who am I (API.md). */
@RestController
class MeController {

    private final CurrentUsers users;

    MeController(CurrentUsers users) {
        this.users = users;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(String userId, String name, List<String> groups, String communityCode, String streetCode,
              String districtCode, Long organisationId) {}

    @GetMapping("/api/me")
    Me me() {
        CurrentUser user = users.currentAsStored();
        return new Me(user.userId(), user.name(), user.groups(), user.communityCode(), user.streetCode(),
                user.districtCode(), user.organisationId());
    }
}
