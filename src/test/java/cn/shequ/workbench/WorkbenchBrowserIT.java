package cn.shequ.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.Browser;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WithBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench in a real headless browser (Debian's chromium and chromium-driver; skipped loudly
 * without them): a service project of ¥60,000 taken from a new proposal to CLOSED only by clicking,
 * as the demo users — committee1 drafts (refused once in Chinese for budget lines that do not add up)
 * and submits, committee2 records the meeting with its minutes attached (a renamed .exe refused) and
 * sees the outcome the DMN gives while typing, street1 and civil1 (above ¥50,000) review, finance1
 * reserves, committee1 reports each milestone (with a photo), committee2 accepts it, finance2 pays
 * it, committee1 accepts the project and auditor1 audits it; dual1's second review of another project
 * is refused in Chinese. The committee works on a 375-px-wide window. The ledger is checked through
 * the API at the end. Screenshots of every page: target/workbench-*.png.
 */
@ShequIT
class WorkbenchBrowserIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Dimension PHONE = new Dimension(375, 2400);
    static final Dimension PC = new Dimension(1440, 2000);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    WebDriverWait wait;
    int shot;

    @WithBrowser(prefix = "workbench", width = 1440, height = 2000)
    Browser window;
    WebDriver browser;

    @BeforeEach
    void patience() {
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @Test
    void aServiceProjectFromProposalToClosedOnlyByClicking() throws IOException {
        ProjectScenario scenario = new ProjectScenario(http);
        String before = scenario.available("F2026-CITY").toPlainString();

        // committee1 on a phone: drafts the proposal; budget lines that do not add up are refused beside the table
        login("committee1", PHONE);
        assertThat(text("body")).contains("我的待办").contains("我的已办").contains("我发起的").contains("项目").contains("张丽")
                .doesNotContain("审计");
        screenshot("home-committee1");
        browser.findElement(By.id("new-proposal")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal")));
        type(By.id("title"), "东湖社区助浴服务");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("居家养老");
        type(By.id("beneficiaries"), "辖区失能半失能老人约40人");
        type(By.id("description"), "每周两次上门助浴，由专业护理员实施。");
        date(By.id("plannedStart"), "2026-12-10");
        date(By.id("plannedEnd"), "2027-06-30");
        browser.findElement(By.id("fund-F2026-CITY")).click();
        type(By.id("amount"), "60000");
        List<WebElement> items = browser.findElements(By.cssSelector("#budget .line-item"));
        type(items.get(0), "护理员劳务");
        type(browser.findElements(By.cssSelector("#budget .line-amount")).get(0), "40000");
        browser.findElement(By.id("add-line")).click();
        type(browser.findElements(By.cssSelector("#budget .line-item")).get(1), "助浴用品");
        type(browser.findElements(By.cssSelector("#budget .line-amount")).get(1), "10000");
        assertThat(text("#budget-check")).contains("50,000.00").contains("60,000.00").contains("不一致");
        type(browser.findElements(By.cssSelector("#plan .milestone-name")).get(0), "服务启动");
        type(browser.findElements(By.cssSelector("#plan .milestone-percent")).get(0), "40");
        browser.findElement(By.id("add-milestone")).click();
        type(browser.findElements(By.cssSelector("#plan .milestone-name")).get(1), "服务完成");
        type(browser.findElements(By.cssSelector("#plan .milestone-percent")).get(1), "60");
        assertThat(text("#plan-check")).contains("100%");
        screenshot("proposal-typed");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("budget-error")));
        assertThat(text("#budget-error")).contains("预算明细合计 50000.00 元，须等于项目金额 60000.00 元").doesNotContain("must");
        assertThat(text("#form-error")).contains("项目报告书未保存");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("东湖社区助浴服务");
        assertThat(browser.findElements(By.cssSelector("#budget .line-amount")).get(1).getAttribute("value")).isEqualTo("10000");
        screenshot("proposal-refused");
        type(browser.findElements(By.cssSelector("#budget .line-amount")).get(1), "20000");
        assertThat(text("#budget-check")).contains("一致").doesNotContain("不一致");
        browser.findElement(By.id("save-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(text("#notice")).contains("已提交");
        String code = browser.findElement(By.cssSelector("#dossier h2 span")).getText();
        assertThat(code).startsWith("SP-");
        assertThat(text("#project-status")).isEqualTo("待居民会议表决");
        screenshot("project-submitted");
        logout();

        // committee2 on a phone: attaches the minutes (a renamed .exe is refused), sees the outcome while typing, records the meeting
        login("committee2", PHONE);
        openTask(code, Tasks.RECORD_RESIDENT_MEETING);
        upload(pdf("meeting-minutes", "会议纪要"), "会议纪要.pdf");
        assertThat(text("#attached")).contains("会议纪要.pdf");
        upload(exe(), "会议照片.jpg");
        assertThat(text("#attachment-error")).contains("只接受 PDF、JPEG、PNG").contains("未保存");
        screenshot("meeting-attachment-refused");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("RESIDENTS_MEETING");
        new Select(browser.findElement(By.id("f-mode"))).selectByValue("HOUSEHOLD_REPS");
        type(By.id("f-eligible"), "120");
        type(By.id("f-present"), "60");
        type(By.id("f-yes"), "50");
        type(By.id("f-no"), "6");
        type(By.id("f-abstain"), "4");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "不足法定人数"));
        type(By.id("f-present"), "73");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome-text"), "通过"));
        date(By.id("f-heldOn"), "2026-12-01");
        type(By.id("f-minutes"), "居民代表会议讨论助浴服务项目，表决通过。");
        screenshot("meeting-typed");
        complete();
        logout();

        // street1 and civil1 on a PC: the dossier beside the decision
        decide("street1", code, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意立项。"), dossier -> {
            assertThat(dossier).contains("护理员劳务").contains("¥40,000.00").contains("通过").contains("居民代表会议讨论助浴服务项目")
                    .contains("会议纪要.pdf").contains("SHA-256").contains("王芳");
        });
        decide("civil1", code, Tasks.CIVIL_AFFAIRS_REVIEW, Map.of("decision", "APPROVE", "comment", "同意。"),
                dossier -> assertThat(dossier).contains("同意立项。").contains("刘强"));

        // dual1 reviewed another project for the street office: their finance review of it is refused, in Chinese
        String other = scenario.inReview(ProjectScenario.proposal("3000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("dual1", other, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
        String statusBefore = scenario.status(other);
        login("dual1", PC);
        browser.get(url("/workbench/tasks/" + scenario.openTaskId(other, Tasks.FINANCE_REVIEW)));
        browser.findElement(By.cssSelector("input[name=decision][value=APPROVE]")).click();
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
        assertThat(text("#form-error")).startsWith("未办结").contains("只能承担街道审核、民政审核、财政审核中的一项").doesNotContainPattern("[A-Za-z]{4,}");
        screenshot("dual1-refused");
        logout();
        assertThat(scenario.status(other)).isEqualTo(statusBefore);
        assertThat(scenario.ledger("F2026-CITY", other)).isEmpty();

        decide("finance1", code, Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"), dossier ->
                assertThat(text("#effect")).contains("预留").contains("¥60,000.00"));

        for (int seq = 1; seq <= 2; seq++) {
            login("committee1", PHONE);
            openTask(code, Tasks.REPORT_MILESTONE);
            upload(png(), "第" + seq + "期服务照片.png");
            assertThat(text("#attached")).contains("服务照片.png");
            type(By.id("f-summary"), "第" + seq + "期服务已完成，共服务 40 人次。");
            type(By.id("f-evidence"), "签到表、服务照片");
            screenshot("report-milestone-" + seq);
            complete();
            logout();
            decide("committee2", code, Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "servedParticipants", "12",
                    "comment", "服务对象代表参与验收，合格。"), dossier -> { }, PHONE);
            String amount = seq == 1 ? "¥24,000.00" : "¥36,000.00";
            decide("finance2", code, Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"), dossier -> {
                assertThat(text("#payment")).contains(amount).contains("验收后已过").contains("付款期限 30 日");
                assertThat(text("#effect")).contains("拨付").contains(amount);
            });
        }

        Map<String, String> evaluation = new LinkedHashMap<>();
        evaluation.put("respondents", "40");
        evaluation.put("satisfied", "37");
        evaluation.put("budgetExecution", "9");
        evaluation.put("outputs", "45");
        evaluation.put("outcomes", "27");
        evaluation.put("satisfaction", "9");
        decide("committee1", code, Tasks.FINAL_ACCEPTANCE, evaluation, dossier -> { }, PHONE);
        decide("auditor1", code, Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN", "findings", "资金使用合规。"), dossier -> { });

        // the project page says CLOSED; the auditor's timeline shows the attachments' SHA-256
        login("auditor1", PC);
        browser.get(url("/workbench/projects/" + code));
        assertThat(text("#project-status")).isEqualTo("已结项");
        assertThat(text("#attachments")).contains("会议纪要.pdf").contains("第1期服务照片.png").contains("第2期服务照片.png");
        screenshot("project-closed");
        browser.findElement(By.id("nav-audit")).click();
        browser.get(url("/audit/#/project/" + code));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline tr.entry[data-action=ATTACHMENT_ADDED]")));
        assertThat(browser.findElements(By.cssSelector("#timeline tr.entry[data-action=ATTACHMENT_ADDED]"))).hasSize(3);
        screenshot("audit-timeline");

        // the ledger, through the API: reserved 60,000, paid 24,000 and 36,000, nothing left over
        assertThat(scenario.status(code)).isEqualTo("CLOSED");
        List<JsonNode> ledger = scenario.ledger("F2026-CITY", code);
        assertThat(ledger).extracting(e -> e.path("type").asText() + " " + e.path("amount").asText())
                .containsSubsequence("RESERVE 60000.00", "DISBURSE 24000.00", "DISBURSE 36000.00");
        JsonNode project = scenario.project(code);
        assertThat(project.path("reserved").asText()).isEqualTo("60000.00");
        assertThat(project.path("disbursed").asText()).isEqualTo("60000.00");
        assertThat(scenario.available("F2026-CITY")).isLessThanOrEqualTo(new java.math.BigDecimal(before).subtract(new java.math.BigDecimal("60000.00")));
    }

    // ---- steps ----

    interface DossierCheck {
        void check(String dossier);
    }

    private void decide(String user, String code, String taskKey, Map<String, String> values, DossierCheck check) throws IOException {
        decide(user, code, taskKey, values, check, PC);
    }

    private void decide(String user, String code, String taskKey, Map<String, String> values, DossierCheck check,
                        Dimension window) throws IOException {
        login(user, window);
        openTask(code, taskKey);
        check.check(text("#dossier"));
        fill(values);
        screenshot(taskKey + "-" + user);
        complete();
        logout();
    }

    private void login(String user, Dimension window) {
        browser.manage().window().setSize(window);
        Browser.login(browser, wait, url("/workbench/"), user);
    }

    private void logout() {
        Browser.logout(browser, wait);
    }

    /** The task from the home page's list, or (in a long list) from the project's page. */
    private void openTask(String code, String taskKey) throws IOException {
        browser.get(url("/workbench/"));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.task[data-subject='" + code + "'][data-key='" + taskKey + "'] a.task-link"));
        if (rows.isEmpty()) {
            browser.get(url("/workbench/projects/" + code));
            browser.findElement(By.partialLinkText("办理：")).click();
        } else {
            rows.get(0).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-name")));
        assertThat(text("#dossier h2")).contains(code);
    }

    private void fill(Map<String, String> values) {
        values.forEach((name, value) -> {
            List<WebElement> radios = browser.findElements(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
            if (!radios.isEmpty()) {
                radios.get(0).click();
            } else {
                type(By.id("f-" + name), value);
            }
        });
    }

    private void complete() {
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(text("#notice")).contains("已办结");
    }

    private void upload(Path file, String name) throws IOException {
        Path named = file.resolveSibling(name);
        Files.move(file, named, StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("file")).sendKeys(named.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("attached")),
                ExpectedConditions.presenceOfElementLocated(By.id("attachment-error"))));
    }

    private Path pdf(String name, String text) throws IOException {
        Path file = Files.createTempDirectory("upload-").resolve(name);
        Files.writeString(file, "%PDF-1.4\n% " + text + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        return file;
    }

    private Path png() throws IOException {
        Path file = Files.createTempDirectory("upload-").resolve("photo");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        return file;
    }

    /** A Windows program (MZ header) under a photo's name. */
    private Path exe() throws IOException {
        Path file = Files.createTempDirectory("upload-").resolve("program");
        Files.write(file, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF});
        return file;
    }

    private void type(By field, String value) {
        type(browser.findElement(field), value);
    }

    private void type(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }

    /** A date input takes its value in the browser's locale format when typed: set as the ISO value instead. */
    private void date(By field, String isoDate) {
        WebElement input = browser.findElement(field);
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, isoDate);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        window.screenshot(String.format("%02d-%s", shot++, name));
    }
}
