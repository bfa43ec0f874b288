package cn.shequ.ocds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /public/ocds/{procurementCode}}: a purchase's OCDS 1.1 release package, open to anyone once published. */
@RestController
class OcdsController {

    private final OcdsExport export;

    OcdsController(OcdsExport export) {
        this.export = export;
    }

    @GetMapping(value = "/public/ocds/{code}", produces = "application/json")
    ObjectNode releasePackage(@PathVariable String code) {
        return export.releasePackage(code);
    }
}
