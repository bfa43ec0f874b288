package cn.shequ.auditor.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /audit/} serves the workspace page (static/audit/index.html); SecurityConfig keeps it for auditors. */
@Controller
class WorkspacePage {

    @GetMapping({"/audit", "/audit/"})
    String page() {
        return "forward:/audit/index.html";
    }
}
