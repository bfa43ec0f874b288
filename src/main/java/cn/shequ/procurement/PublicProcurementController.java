package cn.shequ.procurement;

import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Procurement notices without login: each published notice with its budget, method and bid
 * deadline, then the award with every bidder's scores (87号令 art. 69) and the published contract
 * (条例 art. 50).
 */
@RestController
class PublicProcurementController {

    private final ProcurementMapper procurements;
    private final ProcurementViews views;
    private final ProcurementDocuments documents;

    PublicProcurementController(ProcurementMapper procurements, ProcurementViews views, ProcurementDocuments documents) {
        this.procurements = procurements;
        this.views = views;
        this.documents = documents;
    }

    @GetMapping("/public/procurements")
    List<ProcurementViews.PublicView> published() {
        return procurements.published().stream().map(this::view).toList();
    }

    @GetMapping("/public/procurements/{code}")
    ProcurementViews.PublicView one(@PathVariable String code) {
        return procurements.find(code).filter(p -> p.noticePublishedOn() != null).map(this::view)
                .orElseThrow(() -> Refusal.notFound("已公告的采购项目", code));
    }

    private ProcurementViews.PublicView view(Procurement p) {
        return views.publicView(p, documents.purchaser(p).name());
    }
}
