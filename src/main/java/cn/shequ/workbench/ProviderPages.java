package cn.shequ.workbench;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.procurement.ProviderDesk;
import cn.shequ.provider.LegalType;
import cn.shequ.provider.Provider;
import cn.shequ.provider.ProviderRegistration;
import cn.shequ.provider.Providers;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The provider's pages (issue 13), 本单位: register the organisation, its certification and performance
 * record; the purchases, bids, challenges and contracts are {@link ProviderTenderPages}. Every decision is
 * the service's ({@link Providers#register}), as through the API; refusals are shown in Chinese beside the
 * field they name.
 */
@Controller
class ProviderPages {

    private final CurrentUsers users;
    private final Providers providers;
    private final ProviderDesk desk;
    private final WorkbenchMapper pages;
    private final ShequClock clock;

    ProviderPages(CurrentUsers users, Providers providers, ProviderDesk desk, WorkbenchMapper pages, ShequClock clock) {
        this.users = users;
        this.providers = providers;
        this.desk = desk;
        this.pages = pages;
        this.clock = clock;
    }

    private CurrentUser provider() {
        return provider(users);
    }

    /** The signed-in user, who must be a provider's: these pages are theirs. */
    static CurrentUser provider(CurrentUsers users) {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.PROVIDER)) {
            throw Refusal.forbidden("NOT_A_PROVIDER", "本页面供承接主体（社会组织、企业等）使用");
        }
        return user;
    }

    // ---- 本单位: registration, certification, performance -------------------------------------------------

    @GetMapping("/workbench/provider")
    String organisation(@RequestParam(required = false) String done, Model model) {
        CurrentUser user = provider();
        return organisationPage(user, model, Map.of(), List.of(), Map.of(), null, done);
    }

    @PostMapping("/workbench/provider")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String type,
                    @RequestParam(defaultValue = "") String creditCode,
                    @RequestParam(required = false) List<String> categories,
                    @RequestParam(required = false) String seriousViolation,
                    @RequestParam(required = false) String dishonestListed,
                    @RequestParam(name = Once.PARAMETER, required = false) String once,
                    Model model, HttpSession session, HttpServletResponse response) {
        CurrentUser user = provider();
        List<String> chosen = categories == null ? List.of() : categories;
        Map<String, String> typed = Map.of("name", name, "type", type, "creditCode", creditCode,
                "seriousViolation", seriousViolation == null ? "" : "true", "dishonestListed", dishonestListed == null ? "" : "true");
        return Once.run(session, once, () -> {
            try {
                providers.register(new ProviderRegistration(name, type, creditCode, chosen, seriousViolation != null,
                        dishonestListed != null), user);
                return "redirect:/workbench/provider?done=registered";
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> errors = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> errors.put(k, Labels.chinese(v)));
                String message = errors.isEmpty() ? "未登记：" + Labels.chinese(e.getMessage()) : "未登记：请按标红的提示修改。";
                return organisationPage(users.current(), model, typed, chosen, errors, message, null);
            }
        });
    }

    private String organisationPage(CurrentUser user, Model model, Map<String, String> typed, List<String> chosen,
                                    Map<String, String> errors, String message, String done) {
        Provider provider = user.organisationId() == null ? null : providers.find(user.organisationId()).orElse(null);
        model.addAttribute("provider", provider);
        model.addAttribute("types", Arrays.stream(LegalType.values()).toList());
        model.addAttribute("categories", pages.categories());
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("done", done);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "provider");
        if (provider != null) {
            model.addAttribute("typeName", LegalType.of(provider.legalType()).map(LegalType::chineseName).orElse(provider.legalType()));
            model.addAttribute("categoryNames", provider.categoryList().stream().map(desk::categoryName).toList());
            model.addAttribute("performance", providers.performance(provider.id()));
            model.addAttribute("today", clock.today());
            model.addAttribute("valid", provider.whyNotEligible(provider.categoryList().isEmpty() ? null
                    : provider.categoryList().get(0), clock.today()).map(Labels::chinese).orElse(null));
            model.addAttribute("bidOn", desk.biddenOn(provider.id()));
        }
        return "workbench/provider";
    }
}
