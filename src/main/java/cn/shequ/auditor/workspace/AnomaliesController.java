package cn.shequ.auditor.workspace;

import cn.shequ.auditor.anomaly.Anomalies;
import cn.shequ.auditor.anomaly.Anomaly;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/anomalies} (API.md "Audit"; {@code ?subject=} keeps one project's, {@code ?format=csv}
 * exports) and {@code GET /api/audit/anomalies/rules}: every rule, its legal source, LIVE or PENDING.
 */
@RestController
class AnomaliesController {

    private final Anomalies anomalies;
    private final Auditors auditors;

    AnomaliesController(Anomalies anomalies, Auditors auditors) {
        this.anomalies = anomalies;
        this.auditors = auditors;
    }

    @GetMapping("/api/audit/anomalies")
    List<Anomaly> anomalies(@RequestParam(required = false) String subject) {
        auditors.require();
        return anomalies.detect(Optional.ofNullable(subject).filter(s -> !s.isBlank()));
    }

    @GetMapping(value = "/api/audit/anomalies", params = "format=csv")
    ResponseEntity<byte[]> anomaliesCsv(@RequestParam(required = false) String subject) {
        Csv csv = new Csv("规则 rule", "名称 title", "对象 subject", "说明 detail", "发生时间 detectedAt", "依据 legalSource");
        anomalies(subject).forEach(a -> csv.row(a.rule(), a.title(), a.subject(), a.detail(), a.detectedAt(), a.legalSource()));
        return csv.response("anomalies.csv");
    }

    @GetMapping("/api/audit/anomalies/rules")
    List<Anomalies.RuleInfo> rules() {
        auditors.require();
        return anomalies.rules();
    }
}
