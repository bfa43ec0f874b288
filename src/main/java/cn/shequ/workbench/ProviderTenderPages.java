package cn.shequ.workbench;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.Bids;
import cn.shequ.procurement.challenge.Challenges;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProviderDesk;
import cn.shequ.provider.Provider;
import cn.shequ.provider.Providers;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's purchase pages (issue 13): the purchases open in its categories, its own bid (submit,
 * revise, attach files) until the deadline, the award and ranking, a challenge within the period, the
 * contract with its milestones and payments. Every decision is the service's ({@link Bids},
 * {@link Challenges}), as through the API; refusals are shown in Chinese beside the field they name.
 */
@Controller
class ProviderTenderPages {

    private final CurrentUsers users;
    private final Providers providers;
    private final ProviderDesk desk;
    private final Bids bids;
    private final Challenges challenges;
    private final PurchaseAttachments files;
    private final ShequClock clock;

    ProviderTenderPages(CurrentUsers users, Providers providers, ProviderDesk desk, Bids bids, Challenges challenges,
                        PurchaseAttachments files, ShequClock clock) {
        this.users = users;
        this.providers = providers;
        this.desk = desk;
        this.bids = bids;
        this.challenges = challenges;
        this.files = files;
        this.clock = clock;
    }

    private CurrentUser provider() {
        return ProviderPages.provider(users);
    }

    // ---- 采购公告: open purchases of the provider's categories -------------------------------------------

    @GetMapping("/workbench/tenders")
    String purchases(Model model) {
        CurrentUser user = provider();
        Provider provider = user.organisationId() == null ? null : providers.find(user.organisationId()).orElse(null);
        model.addAttribute("provider", provider);
        model.addAttribute("open", provider == null ? List.of() : desk.openFor(provider).stream().map(this::line).toList());
        model.addAttribute("mine", provider == null ? List.of() : desk.biddenOn(provider.id()).stream().map(this::line).toList());
        model.addAttribute("nav", "tenders");
        return "workbench/provider-purchases";
    }

    /** One purchase of a list: its deadline as bids are received, and its category by name. */
    record Line(Procurement p, String categoryName, java.time.LocalDateTime receivedUntil) {}

    private Line line(Procurement p) {
        return new Line(p, desk.categoryName(p.category()), desk.bidsReceivedUntil(p));
    }

    // ---- one purchase: the bid, the result, a challenge, the contract --------------------------------------

    @GetMapping("/workbench/tenders/{code}")
    String purchase(@PathVariable String code, @RequestParam(required = false) String done, Model model) {
        return purchasePage(code, provider(), model, Map.of(), Map.of(), done);
    }

    @PostMapping("/workbench/tenders/{code}/bid")
    String bid(@PathVariable String code, @RequestParam(defaultValue = "") String price,
               @RequestParam(defaultValue = "") String proposal,
               @RequestParam(name = Once.PARAMETER, required = false) String once,
               Model model, HttpSession session, HttpServletResponse response) {
        CurrentUser user = provider();
        Map<String, String> typed = Map.of("price", price, "proposal", proposal);
        return Once.run(session, once, () -> {
            Map<String, String> errors = new LinkedHashMap<>();
            BigDecimal amount = null;
            String cleaned = price.replace(",", "").replace("，", "").trim();
            if (cleaned.isEmpty()) {
                errors.put("price", "投标报价必填");
            } else if (!cleaned.matches("\\d{1,13}(\\.\\d{1,2})?")) {
                errors.put("price", "投标报价须为金额（元），最多两位小数，例如 568000.00");
            } else {
                amount = new BigDecimal(cleaned);
            }
            if (errors.isEmpty()) {
                try {
                    Bids.BidRequest request = new Bids.BidRequest(amount, proposal);
                    boolean revising = desk.bidOf(code, user.organisationId()).isPresent();
                    if (revising) {
                        bids.revise(code, request, user);
                    } else {
                        bids.submit(code, request, user);
                    }
                    return "redirect:/workbench/tenders/" + code + "?done=" + (revising ? "revised" : "submitted");
                } catch (RuntimeException thrown) {
                    Refusal e = Refusal.of(thrown);
                    response.setStatus(HttpRefusal.status(e).value());
                    e.fields().forEach((k, v) -> errors.put(k, Labels.chinese(v)));
                    if (e.fields().isEmpty()) {
                        errors.put("bid", Labels.chinese(e.getMessage()));
                    }
                    return purchasePage(code, user, model, typed, errors, null);
                }
            }
            response.setStatus(400);
            return purchasePage(code, user, model, typed, errors, null);
        });
    }

    @PostMapping("/workbench/tenders/{code}/bid-attachments")
    String attachToBid(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(name = Once.PARAMETER, required = false) String once, HttpSession session,
                       RedirectAttributes redirect) {
        CurrentUser user = provider();
        return Once.run(session, once, () -> {
            AttachedFile.upload(file, redirect, (name, content) -> files.addToBid(code, name, content, user).fileName());
            return "redirect:/workbench/tenders/" + code;
        });
    }

    @PostMapping("/workbench/tenders/{code}/challenge")
    String challenge(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
                     @RequestParam(name = Once.PARAMETER, required = false) String once,
                     Model model, HttpSession session, HttpServletResponse response) {
        CurrentUser user = provider();
        return Once.run(session, once, () -> {
            try {
                challenges.file(code, reason, user);
                return "redirect:/workbench/tenders/" + code + "?done=challenged";
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> errors = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> errors.put(k, Labels.chinese(v)));
                if (e.fields().isEmpty()) {
                    errors.put("reason", Labels.chinese(e.getMessage()));
                }
                return purchasePage(code, user, model, Map.of("reason", reason), errors, null);
            }
        });
    }

    private String purchasePage(String code, CurrentUser user, Model model, Map<String, String> typed,
                                Map<String, String> errors, String done) {
        Procurement p = desk.find(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
        Long org = user.organisationId();
        Bid mine = desk.bidOf(code, org).orElse(null);
        model.addAttribute("p", p);
        model.addAttribute("view", desk.view(p, user));
        model.addAttribute("categoryName", desk.categoryName(p.category()));
        model.addAttribute("receivedUntil", desk.bidsReceivedUntil(p));
        model.addAttribute("opened", desk.opened(p));
        model.addAttribute("mine", mine);
        model.addAttribute("bidFiles", mine == null ? List.of() : files.ofBid(mine.id()));
        model.addAttribute("eligibility", org == null ? "贵单位尚未登记，请先在“本单位”登记并通过民政部门认证（政府购买服务管理办法第六条至第八条）"
                : providers.whyNotEligible(org, p.category(), clock.today()).map(Labels::chinese).orElse(null));
        model.addAttribute("challengeUntil", desk.challengesReceivedUntil(p));
        model.addAttribute("milestones", org == null ? List.of() : desk.milestones(p, org));
        model.addAttribute("milestoneFiles", org == null ? List.of()
                : files.ofMilestones(code).stream().filter(f -> f.providerId() == org).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "tenders");
        return "workbench/provider-purchase";
    }

    @GetMapping("/workbench/purchase-attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        CurrentUser user = users.current();
        PurchaseAttachmentMapper.Row row = files.readable(id, user)
                .orElseThrow(() -> Refusal.notFound("附件", Long.toString(id)));
        return AttachedFile.download(row.fileName(), row.contentType(), files.content(id));
    }
}
