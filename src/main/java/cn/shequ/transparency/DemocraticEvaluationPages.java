package cn.shequ.transparency;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.pages.WorkbenchPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The committee's page for 民主评议: the meeting, and for each delivered service and serving department a
 * row of counts (满意 / 基本满意 / 不满意; a row left blank is not rated). Recording goes through
 * {@link DemocraticEvaluations#record}, the rules of POST /api/communities/{code}/democratic-evaluations;
 * whatever it refuses is shown in Chinese beside its field, with what was typed kept.
 */
@Controller
@WorkbenchPage
class DemocraticEvaluationPages {

    static final String PATH = "/workbench/democratic-evaluations";
    private static final Map<String, String> LABELS = Map.of("eligible", "应到人数", "present", "实到人数");

    private final CurrentUsers users;
    private final DemocraticEvaluations evaluations;
    private final ShequClock clock;

    DemocraticEvaluationPages(CurrentUsers users, DemocraticEvaluations evaluations, ShequClock clock) {
        this.users = users;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** One row of the form: a subject and the counts as typed. */
    public record Row(DemocraticEvaluations.Subject subject, String satisfied, String basicallySatisfied,
                      String dissatisfied) {
        public String key() {
            return subject.subjectType() + ":" + subject.subjectCode();
        }

        boolean blank() {
            return satisfied.isBlank() && basicallySatisfied.isBlank() && dissatisfied.isBlank();
        }
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) Long done, Model model) {
        CurrentUser user = committee();
        Map<String, String> typed = new LinkedHashMap<>(Map.of("kind", "RESIDENTS_MEETING", "mode", "HOUSEHOLD_REPS",
                "eligible", "", "present", "", "heldOn", clock.today().toString(), "minutes", ""));
        List<Row> rows = evaluations.subjects(user.communityCode()).stream().map(s -> new Row(s, "", "", "")).toList();
        if (done != null) {
            model.addAttribute("notice", "民主评议已记录（第 " + done + " 号），评议结果已计入部门考评并在居务公开页面公布。");
        }
        return view(model, user, typed, rows, Map.of(), null);
    }

    @PostMapping(PATH)
    String record(@RequestParam Map<String, String> params, @RequestParam(name = Once.PARAMETER, required = false) String once,
                  HttpServletRequest http, HttpSession session, HttpServletResponse response, Model model) {
        CurrentUser user = committee();
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("kind", "mode", "eligible", "present", "heldOn", "minutes")) {
            typed.put(field, params.getOrDefault(field, ""));
        }
        List<Row> rows = evaluations.subjects(user.communityCode()).stream().map(s -> {
            String key = s.subjectType() + ":" + s.subjectCode();
            return new Row(s, params.getOrDefault("s." + key, "").trim(), params.getOrDefault("b." + key, "").trim(),
                    params.getOrDefault("d." + key, "").trim());
        }).toList();
        return Once.run(session, once, () -> save(user, typed, rows, model, response));
    }

    private String save(CurrentUser user, Map<String, String> typed, List<Row> rows, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Row> rated = rows.stream().filter(r -> !r.blank()).toList();
        List<DemocraticEvaluations.RatingRequest> ratings = new ArrayList<>();
        for (Row r : rated) {
            ratings.add(new DemocraticEvaluations.RatingRequest(r.subject().subjectType(), r.subject().subjectCode(),
                    number(r.satisfied(), "s." + r.key(), errors), number(r.basicallySatisfied(), "b." + r.key(), errors),
                    number(r.dissatisfied(), "d." + r.key(), errors)));
        }
        Integer eligible = number(typed.get("eligible"), "eligible", errors);
        Integer present = number(typed.get("present"), "present", errors);
        LocalDate heldOn = null;
        try {
            heldOn = typed.get("heldOn").isBlank() ? null : LocalDate.parse(typed.get("heldOn").trim());
        } catch (DateTimeParseException e) {
            errors.put("heldOn", "日期格式须为 2026-12-01");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return view(model, user, typed, rows, errors, "民主评议未记录：请按标红的提示修改。");
        }
        try {
            DemocraticEvaluations.Recorded recorded = evaluations.record(user.communityCode(),
                    new DemocraticEvaluations.EvaluationRequest(typed.get("kind"), typed.get("mode"), eligible, present, heldOn,
                            typed.get("minutes"), ratings), user);
            return "redirect:" + PATH + "?done=" + recorded.id();
        } catch (RuntimeException thrown) {
            Refusal e = Refusal.of(thrown);
            response.setStatus(HttpRefusal.status(e).value());
            e.fields().forEach((field, problem) -> errors.put(shownAt(field, rated),
                    Labels.labelled(field, Labels.chinese(problem), LABELS.get(field))));
            return view(model, user, typed, rows, errors, Labels.refusal("民主评议未记录：", e, field -> true));
        }
    }

    /** A service's field (ratings[2].satisfied) as the form's row it came from. */
    private static String shownAt(String field, List<Row> rated) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ratings\\[(\\d+)\\]\\.(\\w+)").matcher(field);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= rated.size()) {
            return field.startsWith("ratings") ? "ratings" : field;
        }
        String key = rated.get(Integer.parseInt(m.group(1))).key();
        return switch (m.group(2)) {
            case "basicallySatisfied" -> "b." + key;
            case "dissatisfied" -> "d." + key;
            case "satisfied" -> "s." + key;
            default -> "row." + key;
        };
    }

    private static Integer number(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "须为整数人数，例如 12");
            return null;
        }
    }

    private String view(Model model, CurrentUser user, Map<String, String> typed, List<Row> rows, Map<String, String> errors,
                        String message) {
        model.addAttribute("typed", typed);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "evaluations");
        model.addAttribute("recorded", evaluations.ofYear(user.communityCode(), clock.today().getYear()));
        return "workbench/democratic-evaluation";
    }

    private CurrentUser committee() {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.COMMITTEE) || user.communityCode() == null) {
            throw Refusal.forbidden("OTHER_COMMUNITY", "只有社区居委会成员可以记录本社区居民会议的民主评议");
        }
        return user;
    }
}
