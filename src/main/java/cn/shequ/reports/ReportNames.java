package cn.shequ.reports;

import java.util.Map;

/** The Chinese names the reports print for a procurement method and a performance grade. */
final class ReportNames {

    static final Map<String, String> METHODS = Map.of("OPEN_TENDER", "公开招标", "COMPETITIVE_CONSULTATION", "竞争性磋商",
            "COMPETITIVE_NEGOTIATION", "竞争性谈判", "SINGLE_SOURCE", "单一来源采购", "INQUIRY", "询价");

    static final Map<String, String> GRADES = Map.of("EXCELLENT", "优", "GOOD", "良", "FAIR", "中", "POOR", "差");

    private ReportNames() {
    }
}
