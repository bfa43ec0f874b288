package cn.shequ.workbench;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.pages.Labels;
import cn.shequ.pages.WorkbenchPage;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The shell every workbench page shares: who is logged in (name, roles) for the header and its
 * navigation, and a Chinese error page instead of the API's JSON error body when a page is refused.
 */
@ControllerAdvice(basePackageClasses = Shell.class, annotations = WorkbenchPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Shell {

    private static final Logger log = LoggerFactory.getLogger(Shell.class);

    private final CurrentUsers users;

    Shell(CurrentUsers users) {
        this.users = users;
    }

    /** The header's facts about the user. */
    record Me(String userId, String name, String roles, boolean committee, boolean auditor, boolean official) {}

    @ModelAttribute("me")
    Me me() {
        try {
            CurrentUser user = users.current();
            Labels labels = new Labels();
            boolean official = user.isIn(Groups.STREET_OFFICE) || user.isIn(Groups.CIVIL_AFFAIRS)
                    || user.isIn(Groups.FINANCE) || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN);
            return new Me(user.userId(), user.name(), labels.groups(user.groups()), user.isIn(Groups.COMMITTEE),
                    user.isIn(Groups.AUDITOR), official);
        } catch (Refusal e) {
            return null;
        }
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, Model model, HttpServletResponse response) {
        response.setStatus(HttpRefusal.status(e).value());
        model.addAttribute("me", me());
        model.addAttribute("message", Labels.chinese(e.getMessage()));
        return "workbench/error";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, Model model, HttpServletResponse response) {
        java.util.Optional<Refusal> refusal = Refusal.in(e);
        if (refusal.isPresent()) {
            return refused(refusal.get(), model, response);
        }
        log.error("workbench page failed", e);
        response.setStatus(500);
        model.addAttribute("me", me());
        model.addAttribute("message", "系统暂时无法处理该请求，请稍后再试；如仍不成功，请联系系统管理员。");
        return "workbench/error";
    }
}
