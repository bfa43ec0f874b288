package cn.shequ.ocds;

import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /public/ocds/{procurementCode}}: a purchase's OCDS 1.1 release package, open to anyone once published. */
@RestController
class OcdsController {

    private final OcdsExport export;
    private final ShequClock clock;

    OcdsController(OcdsExport export, ShequClock clock) {
        this.export = export;
        this.clock = clock;
    }

    /** {@code GET /public/ocds?year=2026}: all published purchases of a fiscal year (default: this year) in one package. */
    @GetMapping(value = "/public/ocds", produces = "application/json")
    ObjectNode yearPackage(@RequestParam(required = false) String year) {
        int y;
        try {
            y = year == null ? clock.today().getYear() : Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < 2000 || y > 2100) {
            throw Refusal.invalid("year", "年度须为 2000 到 2100 之间的年份 / year out of range");
        }
        return export.yearPackage(y);
    }

    @GetMapping(value = "/public/ocds/{code}", produces = "application/json")
    ObjectNode releasePackage(@PathVariable String code) {
        return export.releasePackage(code);
    }
}
