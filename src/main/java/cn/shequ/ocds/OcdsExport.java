package cn.shequ.ocds;

import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the OCDS 1.1 release package of one purchase: a release for each stage it has reached —
 * planning (the budgeted requirement), tender (the published notice and the bids), award, contract
 * (with its milestones) and implementation (the payments as transactions) — each a full snapshot
 * at that stage, tagged accordingly. A purchase is published once its notice is; before that it
 * is not public (404).
 */
@Service
public class OcdsExport {

    private final OcdsMapper purchases;
    private final ObjectMapper json;
    private final ShequClock clock;
    private final OcdsRelease release;
    private final String publicBaseUrl;

    OcdsExport(OcdsMapper purchases, ObjectMapper json, ShequClock clock,
               @Value("${shequ.ocds.ocid-prefix:ocds-shequ0}") String ocidPrefix,
               @Value("${shequ.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.purchases = purchases;
        this.json = json;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.release = new OcdsRelease(json, ocidPrefix, this.publicBaseUrl);
    }

    public ObjectNode releasePackage(String code) {
        OcdsMapper.Procurement p = purchases.procurement(code)
                .filter(found -> found.noticePublishedOn() != null)
                .orElseThrow(() -> Refusal.notFound("已公告的采购项目", code));
        // bids are sealed while the purchase is open for bids: neither who bid nor how many (87号令 art. 33)
        List<OcdsMapper.Bid> bids = OcdsRelease.sealed(p) ? List.of() : purchases.bids(code);
        Optional<OcdsMapper.Contract> contract = purchases.contract(code);
        // a service project that bought its service delivers the contract: its milestones and payments are the contract's
        boolean byProject = p.forProject() && contract.isPresent()
                && ("IN_DELIVERY".equals(p.status()) || "COMPLETED".equals(p.status()));
        List<OcdsMapper.Milestone> milestones = byProject ? purchases.projectMilestones(p.projectCode()) : purchases.milestones(code);
        List<OcdsMapper.Payment> payments = purchases.payments(byProject ? p.projectCode() : code);

        ObjectNode pack = json.createObjectNode();
        pack.put("uri", publicBaseUrl + "/public/ocds/" + code);
        pack.put("version", "1.1");
        pack.put("publishedDate", OcdsRelease.RFC3339.format(clock.nowOffset()));
        pack.putObject("publisher").put("name", "社区公共服务管理系统 Shequ");
        pack.put("publicationPolicy", publicBaseUrl + "/public/");
        ArrayNode releases = pack.putArray("releases");
        releases.add(release.of(p, "planning", OcdsRelease.at(p.createdAt()), bids, contract, milestones, payments));
        releases.add(release.of(p, "tender", OcdsRelease.atStartOf(p.noticePublishedOn()), bids, contract, milestones, payments));
        if (p.awardBidId() != null && p.awardNoticeOn() != null) {
            releases.add(release.of(p, "award", OcdsRelease.atStartOf(p.awardNoticeOn()), bids, contract, milestones, payments));
        }
        if (contract.isPresent()) {
            releases.add(release.of(p, "contract", OcdsRelease.atStartOf(contract.get().signedOn()), bids, contract, milestones, payments));
            if (!payments.isEmpty()) {
                LocalDateTime last = payments.get(payments.size() - 1).paidAt();
                releases.add(release.of(p, "implementation", OcdsRelease.at(last), bids, contract, milestones, payments));
            }
        }
        return pack;
    }

    /**
     * One release package of every published purchase of fiscal year {@code year}: the releases of
     * each purchase's own package, in the order of their codes (open data for a year, /public/ocds).
     */
    public ObjectNode yearPackage(int year) {
        ObjectNode pack = json.createObjectNode();
        pack.put("uri", publicBaseUrl + "/public/ocds?year=" + year);
        pack.put("version", "1.1");
        pack.put("publishedDate", OcdsRelease.RFC3339.format(clock.nowOffset()));
        pack.putObject("publisher").put("name", "社区公共服务管理系统 Shequ");
        pack.put("publicationPolicy", publicBaseUrl + "/public/");
        ArrayNode releases = pack.putArray("releases");
        for (String code : purchases.publishedOfYear(year)) {
            releases.addAll((ArrayNode) releasePackage(code).get("releases"));
        }
        return pack;
    }
}
