package cn.shequ.workbench;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.provider.LegalType;
import cn.shequ.provider.Provider;
import cn.shequ.provider.ProviderRegistration;
import cn.shequ.provider.ProviderSignUp;
import cn.shequ.provider.Providers;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletRequest;
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
 * The public sign-up page of a provider (ADR 0035): anyone creates the organisation's login account with its
 * registration ({@link ProviderSignUp}, the same service as {@code POST /api/signup/provider}); refusals are shown in
 * Chinese beside the field they name, with the status of the refusal. The new account's page: its registration and
 * certification status, the only page it may open until civil affairs certifies it (cn.shequ.web.ApplicantFence).
 */
@Controller
class ProviderSignUpPages {

    static final String SIGNED_UP = ProviderSignUpPages.class.getName() + ".userId";

    private final ProviderSignUp signUp;
    private final Providers providers;
    private final CurrentUsers users;
    private final WorkbenchMapper pages;

    ProviderSignUpPages(ProviderSignUp signUp, Providers providers, CurrentUsers users, WorkbenchMapper pages) {
        this.signUp = signUp;
        this.providers = providers;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/signup/provider")
    String form(Model model) {
        return formPage(model, Map.of(), List.of(), Map.of(), null);
    }

    @PostMapping("/signup/provider")
    String submit(@RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String passwordRepeat,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String type,
                  @RequestParam(defaultValue = "") String creditCode,
                  @RequestParam(required = false) List<String> categories,
                  @RequestParam(required = false) String seriousViolation,
                  @RequestParam(required = false) String dishonestListed,
                  @RequestParam(name = Once.PARAMETER, required = false) String once,
                  Model model, HttpServletRequest request, HttpSession session, HttpServletResponse response) {
        List<String> chosen = categories == null ? List.of() : categories;
        Map<String, String> typed = Map.of("contactName", contactName, "name", name, "type", type, "creditCode", creditCode,
                "seriousViolation", seriousViolation == null ? "" : "true", "dishonestListed", dishonestListed == null ? "" : "true");
        return Once.run(session, once, () -> {
            if (!password.equals(passwordRepeat)) {
                response.setStatus(400);
                return formPage(model, typed, chosen, Map.of("passwordRepeat", "两次输入的密码不一致"), "未注册：请按标红的提示修改。");
            }
            try {
                ProviderSignUp.Result result = signUp.signUp(new ProviderSignUp.Request(contactName, password,
                        new ProviderRegistration(name, type, creditCode, chosen, seriousViolation != null,
                                dishonestListed != null)), request.getRemoteAddr());
                session.setAttribute(SIGNED_UP, result.userId());
                return "redirect:/signup/provider/done";
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> errors = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> errors.put(k, Labels.chinese(v)));
                String message = errors.isEmpty() ? "未注册：" + Labels.chinese(e.getMessage()) : "未注册：请按标红的提示修改。";
                return formPage(model, typed, chosen, errors, message);
            }
        });
    }

    /** The account's user id, shown once after the sign-up (kept in the session of the browser that signed up). */
    @GetMapping("/signup/provider/done")
    String done(Model model, HttpSession session) {
        Object userId = session.getAttribute(SIGNED_UP);
        if (userId == null) {
            return "redirect:/signup/provider";
        }
        session.removeAttribute(SIGNED_UP);
        model.addAttribute("userId", userId);
        return "signup/provider-done";
    }

    @GetMapping("/signup/provider/status")
    String status(Model model, HttpServletResponse response) {
        CurrentUser user = users.current();
        Provider provider = user.organisationId() == null ? null : providers.find(user.organisationId()).orElse(null);
        model.addAttribute("provider", provider);
        model.addAttribute("userId", user.userId());
        model.addAttribute("applicant", !user.isIn(Groups.PROVIDER));
        if (provider != null) {
            model.addAttribute("typeName", LegalType.of(provider.legalType()).map(LegalType::chineseName).orElse(provider.legalType()));
        } else {
            response.setStatus(404);
        }
        return "signup/provider-status";
    }

    private String formPage(Model model, Map<String, String> typed, List<String> chosen, Map<String, String> errors,
                            String message) {
        model.addAttribute("types", Arrays.stream(LegalType.values()).toList());
        model.addAttribute("categories", pages.categories());
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        return "signup/provider";
    }
}
