package cn.shequ.procurement.requirement;

import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementDocuments;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementService;
import cn.shequ.procurement.PurchasePage;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.pages.WorkbenchPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The purchaser's page of a new purchase in the workbench (issue 13): the requirement, with the method the
 * rules will pick shown while typing ({@link Requirements#previewMethod}), started through the same service
 * as POST /api/procurements ({@link ProcurementService#create}). Officials only, as every purchase page
 * ({@link PurchasePage#official}).
 */
@Controller
@WorkbenchPage
public class RequirementPages {

    private final ProcurementService procurements;
    private final Requirements requirements;
    private final ProcurementMapper mapper;
    private final FundLedger funds;
    private final PurchasePage purchase;

    RequirementPages(ProcurementService procurements, Requirements requirements, ProcurementMapper mapper, FundLedger funds,
                     PurchasePage purchase) {
        this.procurements = procurements;
        this.requirements = requirements;
        this.mapper = mapper;
        this.funds = funds;
        this.purchase = purchase;
    }

    @GetMapping("/workbench/purchases/new")
    String form(Model model) {
        CurrentUser user = purchase.official();
        Purchaser.of(user);
        return newForm(model, user, Map.of(), Map.of(), null);
    }

    private String newForm(Model model, CurrentUser user, Map<String, String> typed, Map<String, String> errors,
                           String message) {
        model.addAttribute("categories", mapper.categories());
        model.addAttribute("funds", fundsOf(user));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "purchases");
        return "workbench/purchase-new";
    }

    /** The funds a purchaser may buy from: its street's own budget and the funds of no street (预算法 art. 13). */
    private List<Fund> fundsOf(CurrentUser user) {
        String street = user.streetCode();
        return funds.all().stream().filter(f -> f.ownerStreet() == null || f.ownerStreet().equals(street)).toList();
    }

    static final List<String> REQUIREMENT_FIELDS = List.of("title", "category", "amount", "fundCode", "termMonths",
            "termReason", "priceWeight", "method", "methodReason");

    /** The method the procurement-method table gives what is typed so far (an htmx fragment). */
    @PostMapping("/workbench/purchases/method")
    String method(@RequestParam MultiValueMap<String, String> form, Model model) {
        CurrentUser user = purchase.official();
        String category = text(form.getFirst("category"));
        BigDecimal amount = decimal(form.getFirst("amount"));
        if (category != null && amount != null && amount.signum() > 0 && mapper.categoryName(category) != null) {
            Requirements.MethodDecision decision = requirements.previewMethod(category, amount,
                    text(form.getFirst("method")), user);
            model.addAttribute("decision", decision);
            model.addAttribute("methodName", ProcurementDocuments.method(decision.method()));
            model.addAttribute("categoryName", mapper.categoryName(category));
            model.addAttribute("minimum", BidPeriods.minimum(decision.method()).describe());
        }
        return "workbench/purchase-fragments :: method";
    }

    @PostMapping("/workbench/purchases")
    String create(@RequestParam MultiValueMap<String, String> form,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response) {
        CurrentUser user = purchase.official();
        Map<String, String> typed = new LinkedHashMap<>();
        REQUIREMENT_FIELDS.forEach(f -> {
            String v = form.getFirst(f);
            if (v != null && !v.isBlank()) {
                typed.put(f, v.trim());
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = number(typed, "amount", "预算金额须为金额，例如 120000 或 120000.50", errors);
        BigDecimal months = number(typed, "termMonths", "合同履行期限须为整数（月）", errors);
        BigDecimal weight = number(typed, "priceWeight", "价格分权重须为数字（%），例如 30", errors);
        if (months != null && months.stripTrailingZeros().scale() > 0) {
            errors.put("termMonths", "合同履行期限须为整数（月）");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return newForm(model, user, typed, errors, "未保存：请按标红的提示修改。");
        }
        ProcurementRequest request = new ProcurementRequest(typed.get("title"), typed.get("category"), amount,
                typed.get("fundCode"), months == null ? null : months.intValue(), typed.get("termReason"), weight, null,
                typed.get("method"), typed.get("methodReason"));
        return Once.run(session, once, () -> {
            try {
                Procurement created = procurements.create(request, user);
                return "redirect:/workbench/purchases/" + created.code() + "?done=created";
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> problems = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> problems.put(k, Labels.chinese(v)));
                return newForm(model, user, typed, problems, Labels.refusal("未保存：", e, REQUIREMENT_FIELDS::contains));
            }
        });
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number typed into {@code field}, or null (blank: the service names it as missing; not a number: {@code problem}). */
    private static BigDecimal number(Map<String, String> typed, String field, String problem, Map<String, String> errors) {
        String value = typed.get(field);
        if (value == null) {
            return null;
        }
        BigDecimal number = decimal(value);
        if (number == null) {
            errors.put(field, problem);
        }
        return number;
    }
}
