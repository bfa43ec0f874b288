package cn.shequ.ocds;

import cn.shequ.engine.ShequClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OCDS 1.1 release of a purchase at a stage (planning, tender, award, contract, implementation): the
 * snapshot of everything the purchase had reached by then, with its parties.
 */
final class OcdsRelease {

    static final String CURRENCY = "CNY";
    static final String USCC_SCHEME = "CN-USCC";
    private static final Map<String, String> METHODS = Map.of(
            "OPEN_TENDER", "open", "COMPETITIVE_CONSULTATION", "selective", "COMPETITIVE_NEGOTIATION", "limited",
            "SMALL_PURCHASE", "limited", "SINGLE_SOURCE", "direct");
    private static final Map<String, String> METHOD_NAMES = Map.of(
            "OPEN_TENDER", "公开招标", "COMPETITIVE_CONSULTATION", "竞争性磋商", "COMPETITIVE_NEGOTIATION", "竞争性谈判",
            "SMALL_PURCHASE", "询价（小额采购）", "SINGLE_SOURCE", "单一来源采购");

    private final ObjectMapper json;
    private final String ocidPrefix;
    private final String publicBaseUrl;

    OcdsRelease(ObjectMapper json, String ocidPrefix, String publicBaseUrl) {
        this.json = json;
        this.ocidPrefix = ocidPrefix;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Bids are sealed while the purchase is open for bids. */
    static boolean sealed(OcdsMapper.Procurement p) {
        return "BIDDING".equals(p.status());
    }

    ObjectNode of(OcdsMapper.Procurement p, String stage, String date, List<OcdsMapper.Bid> bids,
                  Optional<OcdsMapper.Contract> contract, List<OcdsMapper.Milestone> milestones,
                  List<OcdsMapper.Payment> payments) {
        int depth = List.of("planning", "tender", "award", "contract", "implementation").indexOf(stage);
        ObjectNode r = json.createObjectNode();
        r.put("ocid", ocidPrefix + "-" + p.code());
        r.put("id", p.code() + "-" + stage);
        r.put("date", date);
        r.putArray("tag").add(stage);
        r.put("initiationType", "tender");
        r.put("language", "zh");
        ArrayNode parties = r.putArray("parties");
        String buyerId = buyerId(p);
        ObjectNode buyer = parties.addObject();
        buyer.put("id", buyerId);
        buyer.put("name", p.buyerName());
        buyer.putArray("roles").add("buyer").add("procuringEntity").add("payer");
        reference(r.putObject("buyer"), buyerId, p.buyerName());

        ObjectNode planning = r.putObject("planning");
        planning.put("rationale", p.categoryName() + "：" + p.title());
        ObjectNode budget = planning.putObject("budget");
        budget.put("id", p.fundCode());
        budget.put("description", p.fundName());
        value(budget.putObject("amount"), p.amount());
        if (depth < 1) {
            return r;
        }

        ObjectNode tender = r.putObject("tender");
        tender.put("id", p.code());
        tender.put("title", p.title());
        tender.put("status", tenderStatus(p, contract));
        tender.put("procurementMethod", METHODS.getOrDefault(p.method(), "limited"));
        tender.put("procurementMethodDetails", METHOD_NAMES.getOrDefault(p.method(), p.method()));
        tender.put("mainProcurementCategory", "services");
        value(tender.putObject("value"), p.amount());
        ObjectNode period = tender.putObject("tenderPeriod");
        period.put("startDate", atStartOf(p.noticePublishedOn()));
        if (p.bidDeadline() != null) {
            period.put("endDate", at(p.bidDeadline()));
        }
        if (!sealed(p)) {
            tender.put("numberOfTenderers", bids.size());
        }
        ArrayNode tenderers = tender.putArray("tenderers");
        for (OcdsMapper.Bid bid : bids) {
            addSupplier(parties, bid, "tenderer");
            reference(tenderers.addObject(), supplierId(bid.creditCode()), bid.providerName());
        }
        if (depth < 2 || p.awardBidId() == null) {
            return r;
        }

        OcdsMapper.Bid winner = bids.stream().filter(b -> b.id() == p.awardBidId()).findFirst().orElseThrow();
        markSupplier(parties, winner);
        ObjectNode award = r.putArray("awards").addObject();
        award.put("id", p.code() + "-award");
        award.put("title", "中标（成交）：" + winner.providerName());
        award.put("status", "active");
        award.put("date", atStartOf(p.awardNoticeOn()));
        value(award.putObject("value"), winner.price());
        reference(award.putArray("suppliers").addObject(), supplierId(winner.creditCode()), winner.providerName());
        if (depth < 3 || contract.isEmpty()) {
            return r;
        }

        OcdsMapper.Contract c = contract.get();
        ObjectNode k = r.putArray("contracts").addObject();
        k.put("id", c.code());
        k.put("awardID", p.code() + "-award");
        k.put("title", "政府购买服务合同：" + p.title());
        k.put("status", "active");
        value(k.putObject("value"), c.amount());
        k.put("dateSigned", atStartOf(c.signedOn()));
        ObjectNode contractPeriod = k.putObject("period");
        contractPeriod.put("startDate", atStartOf(c.signedOn()));
        if (c.termMonths() != null) {
            contractPeriod.put("endDate", atStartOf(c.signedOn().plusMonths(c.termMonths())));
        }
        ArrayNode ms = k.putArray("milestones");
        for (OcdsMapper.Milestone m : milestones) {
            ObjectNode milestone = ms.addObject();
            milestone.put("id", c.code() + "-M" + m.seq());
            milestone.put("title", m.name());
            milestone.put("type", "delivery");
            milestone.put("description", "付款比例 " + m.sharePercent() + "%，金额 " + m.amount().toPlainString() + " 元");
            boolean met = m.acceptedAt() != null;
            milestone.put("status", met ? "met" : "scheduled");
            if (met) {
                milestone.put("dateMet", at(m.acceptedAt()));
            }
        }
        if (depth < 4 || payments.isEmpty()) {
            return r;
        }
        ArrayNode transactions = k.putObject("implementation").putArray("transactions");
        for (OcdsMapper.Payment pay : payments) {
            ObjectNode t = transactions.addObject();
            t.put("id", c.code() + "-P" + pay.milestoneSeq());
            t.put("source", publicBaseUrl + "/public/ocds/" + p.code());
            t.put("date", at(pay.paidAt()));
            value(t.putObject("value"), pay.amount());
            reference(t.putObject("payer"), buyerId, p.buyerName());
            reference(t.putObject("payee"), supplierId(winner.creditCode()), winner.providerName());
        }
        return r;
    }

    private static String tenderStatus(OcdsMapper.Procurement p, Optional<OcdsMapper.Contract> contract) {
        String status = p.status() == null ? "" : p.status();
        if (status.contains("CANCEL")) {
            return "cancelled";
        }
        if (status.contains("FAIL")) {
            return "unsuccessful";
        }
        return p.awardBidId() != null || contract.isPresent() ? "complete" : "active";
    }

    private void addSupplier(ArrayNode parties, OcdsMapper.Bid bid, String role) {
        ObjectNode party = parties.addObject();
        party.put("id", supplierId(bid.creditCode()));
        party.put("name", bid.providerName());
        ObjectNode identifier = party.putObject("identifier");
        identifier.put("scheme", USCC_SCHEME);
        identifier.put("id", bid.creditCode());
        identifier.put("legalName", bid.providerName());
        party.putArray("roles").add(role);
    }

    private static void markSupplier(ArrayNode parties, OcdsMapper.Bid winner) {
        for (var party : parties) {
            if (supplierId(winner.creditCode()).equals(party.path("id").asText())) {
                ((ArrayNode) party.get("roles")).add("supplier").add("payee");
            }
        }
    }

    private static void reference(ObjectNode node, String id, String name) {
        node.put("id", id);
        node.put("name", name);
    }

    private static void value(ObjectNode node, BigDecimal amount) {
        node.put("amount", amount);
        node.put("currency", CURRENCY);
    }

    private static String buyerId(OcdsMapper.Procurement p) {
        return "CN-SHEQU-" + (p.purchaserStreet() != null ? p.purchaserStreet() : p.purchaserDistrict());
    }

    private static String supplierId(String creditCode) {
        return USCC_SCHEME + "-" + creditCode;
    }

    /** RFC 3339 with seconds and offset, as OCDS date-times are: 2026-11-27T09:30:00+08:00. */
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static String at(LocalDateTime time) {
        return RFC3339.format(time.atZone(ShequClock.ZONE));
    }

    static String atStartOf(LocalDate day) {
        return RFC3339.format(day.atStartOfDay(ShequClock.ZONE));
    }
}
