package cn.shequ.document;

import static cn.shequ.document.ChineseDates.numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 审计报告: an auditor's opinion on a project's money and procedure, with the findings behind it. */
public final class AuditReport {

    public static final DocumentType TYPE = DocumentType.AUDIT_REPORT;

    /** A finding: what was found, the amount concerned (may be null) and how serious it is. */
    public record Finding(String description, BigDecimal amount, String severity) {}

    /**
     * @param opinion      e.g. 无保留意见, 保留意见
     * @param auditLogHead the audit chain's head when the report is issued (seq and hash, docs/audit-head.md), or null
     */
    public record Data(String issuer, String projectCode, String projectTitle, LocalDate periodFrom, LocalDate periodTo,
                       String scope, List<Finding> findings, String opinion, String reasoning, List<String> auditors,
                       LocalDate issuedOn, String auditLogHead) {

        public Data(String issuer, String projectCode, String projectTitle, LocalDate periodFrom, LocalDate periodTo,
                    String scope, List<Finding> findings, String opinion, String reasoning, List<String> auditors,
                    LocalDate issuedOn) {
            this(issuer, projectCode, projectTitle, periodFrom, periodTo, scope, findings, opinion, reasoning, auditors,
                    issuedOn, null);
        }
    }

    private AuditReport() {}

    public static DocumentContent content(Data d) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.findings().size(); i++) {
            Finding f = d.findings().get(i);
            rows.add(List.of(Integer.toString(i + 1), f.description(), f.amount() == null ? "—" : Amounts.format(f.amount()),
                    f.severity()));
        }
        DocumentContent.Builder b = DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle(d.projectTitle())
                .party("项目编号", d.projectCode())
                .party("审计期间", numeric(d.periodFrom()) + "至" + numeric(d.periodTo()))
                .heading("一、审计范围")
                .paragraph(d.scope())
                .heading("二、审计发现");
        if (rows.isEmpty()) {
            b.paragraph("未发现问题。");
        } else {
            b.table(List.of(DocumentContent.Column.center("序号", 1), DocumentContent.Column.left("事项", 7),
                    DocumentContent.Column.right("涉及金额（元）", 2), DocumentContent.Column.center("性质", 2)), rows, List.of());
        }
        b.heading("三、审计意见")
                .fields(d.auditLogHead() == null ? List.of(new DocumentContent.Field("审计意见", d.opinion()))
                        : List.of(new DocumentContent.Field("审计意见", d.opinion()),
                                new DocumentContent.Field("审计日志链尾", d.auditLogHead())))
                .paragraph(d.reasoning())
                .signature("审计单位", d.issuer(), true);
        for (String auditor : d.auditors()) {
            b.signature("审计人员", auditor, false);
        }
        return b.issuedOn(d.issuedOn()).build();
    }
}
