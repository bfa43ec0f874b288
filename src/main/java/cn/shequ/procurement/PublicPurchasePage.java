package cn.shequ.procurement;

import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import cn.shequ.pages.Labels;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A purchase's public page in Chinese, without login (issue 13): the notice and its bid deadline,
 * the bidders once the deadline has passed (never before: 87号令 art. 33), the ranking and the
 * award with the challenge period, the published contract and its payments. It shows exactly what
 * {@code GET /public/procurements/{code}} publishes ({@link ProcurementViews#publicView}), plus the
 * bidders' names and prices after the deadline as at the public opening (87号令 art. 39); the
 * machine-readable OCDS release stays at {@code /public/ocds/{code}}.
 */
@Controller
class PublicPurchasePage {

    private final ProcurementMapper procurements;
    private final ProcurementViews views;
    private final ProcurementDocuments documents;
    private final BidMapper bids;

    PublicPurchasePage(ProcurementMapper procurements, ProcurementViews views, ProcurementDocuments documents, BidMapper bids) {
        this.procurements = procurements;
        this.views = views;
        this.documents = documents;
        this.bids = bids;
    }

    /** A bidder as the public opening names it. */
    record Bidder(String name, String price) {}

    @GetMapping("/public/purchases/{code}")
    String page(@PathVariable String code, Model model) {
        Procurement p = procurements.find(code).filter(x -> x.noticePublishedOn() != null)
                .orElseThrow(() -> Refusal.notFound("已公告的采购项目", code));
        model.addAttribute("v", views.publicView(p, documents.purchaser(p).name()));
        model.addAttribute("categoryName", Objects.requireNonNullElse(procurements.categoryName(p.category()), p.category()));
        boolean opened = views.opened(p);
        model.addAttribute("opened", opened);
        List<Bidder> bidders = !opened ? List.of() : bids.bids(code).stream()
                .map(b -> new Bidder(b.providerName(), cn.shequ.fund.Money.format(b.price()))).toList();
        model.addAttribute("bidders", bidders);
        return "public/purchase";
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, Model model, HttpServletResponse response) {
        response.setStatus(HttpRefusal.status(e).value());
        model.addAttribute("message", Labels.chinese(e.getMessage()));
        return "public/purchase-missing";
    }
}
