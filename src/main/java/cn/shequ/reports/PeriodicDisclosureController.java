package cn.shequ.reports;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The periodic 居务公开 on the public site (no login): the list, one disclosure, its PDF as issued;
 * and the one way to correct one (a new version), for the community's own committee and the district's
 * civil affairs staff.
 */
@RestController
class PeriodicDisclosureController {

    private final PeriodicDisclosures disclosures;
    private final CurrentUsers users;

    PeriodicDisclosureController(PeriodicDisclosures disclosures, CurrentUsers users) {
        this.disclosures = disclosures;
        this.users = users;
    }

    @GetMapping("/public/disclosures")
    List<PeriodicDisclosures.Disclosure> list(@RequestParam(required = false) String community) {
        if (community != null && (community.isBlank() || community.length() > 16)) {
            throw Refusal.invalid("community", "社区编码为 1 至 16 个字符 / community code of 1 to 16 characters");
        }
        return disclosures.list(community);
    }

    @GetMapping("/public/disclosures/{id}")
    PeriodicDisclosures.Disclosure one(@PathVariable long id) {
        return disclosures.find(id).orElseThrow(() -> Refusal.notFound("居务公开", Long.toString(id)));
    }

    @GetMapping("/public/disclosures/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        PeriodicDisclosures.Disclosure d = one(id);
        String filename = "居务公开-" + d.communityName() + "-" + d.period() + "-v" + d.version() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(disclosures.pdf(id));
    }

    record Correction(String reason) {}

    @PostMapping("/api/disclosures/{id}/corrections")
    ResponseEntity<PeriodicDisclosures.Disclosure> correct(@PathVariable long id, @RequestBody(required = false) Correction body) {
        CurrentUser me = users.current();
        PeriodicDisclosures.Disclosure d = one(id);
        boolean ownCommittee = me.isIn(Groups.COMMITTEE) && d.communityCode().equals(me.communityCode());
        if (!ownCommittee && !me.isIn(Groups.CIVIL_AFFAIRS)) {
            throw Refusal.forbidden("NOT_DISCLOSING_BODY", "居务公开只能由本社区居委会或区民政局更正（居委会法第十六条） "
                    + "/ only the community's committee or civil affairs may correct its disclosure");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(disclosures.correct(id, body == null ? null : body.reason(), me.userId()));
    }
}
