package cn.shequ.project;

import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 居务公开 (居委会法 art. 16): each approved project and each final acceptance is published at once
 * and stays readable at /public without login.
 */
@Component
class Disclosures {

    static final String APPROVED = "APPROVED";
    static final String FINAL = "FINAL";


    private final DisclosureMapper mapper;
    private final ShequClock clock;

    Disclosures(DisclosureMapper mapper, ShequClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    void publish(String code, String kind) {
        mapper.insert(code, kind, clock.localNow());
    }

    List<String> disclosedProjects() {
        return mapper.disclosedProjects();
    }

    List<String> kinds(String code) {
        return mapper.kinds(code);
    }
}
