package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page steps of a purchase of services in the workbench, as a person does them: log in as a
 * demo user, open one's task on a purchase from 我的待办, fill a field, submit and wait for the next
 * page, read a refusal. One place for what the browser tests click (issue 13), so that a changed
 * page is changed here once. Every step is a click or a keystroke; nothing here calls the API.
 */
public final class PurchaseClicks {

    private final Browser browser;
    private final WebDriver driver;
    private final int port;
    private final java.util.Map<String, String> passwords = new java.util.HashMap<>();
    /** The page's text must never show English words a person would read as engine or stack-trace text. */
    private static final String ENGLISH = "(?i)\\b(exception|error|null|undefined|task|process|variable)\\b";

    public PurchaseClicks(Browser browser, int port) {
        this.browser = browser;
        this.driver = browser.driver();
        this.port = port;
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public void open(String path) {
        driver.get(url(path));
        await(By.tagName("main"));
    }

    /** Logs in as {@code user} through the login page: with the demo password, or the one {@link #remember}ed for it. */
    public void login(String user) {
        browser.login(url("/workbench/"), user, passwords.getOrDefault(user, "demo"));
    }

    /** The password of an account that chose its own (one that signed itself up). */
    public void remember(String user, String password) {
        passwords.put(user, password);
    }

    /**
     * Logs out with the header's button and waits for the login page's address (waiting for the
     * header to disappear races with the page being replaced under load).
     */
    public void logout() {
        browser.logout();
    }

    /** Opens the user's task {@code key} on purchase {@code code} from 我的待办 (the first, when several). */
    public void openTask(String code, String key) {
        open("/workbench/");
        List<WebElement> links = tasks(code, key);
        assertThat(links).as("我的待办 holds %s on %s", key, code).isNotEmpty();
        WebElement old = driver.findElement(By.tagName("main"));
        browser.click(links.get(0));
        browser.await().until(ExpectedConditions.stalenessOf(old));
        await(By.tagName("main"));
    }

    /** The links of the user's open tasks {@code key} on purchase {@code code} in 我的待办 (the page must be open). */
    public List<WebElement> tasks(String code, String key) {
        return driver.findElements(By.cssSelector("tr.task[data-subject='" + code + "'][data-key='" + key + "'] a.task-link"));
    }

    /** Clicks {@code id} (a link or a submit button) and waits for the next page. */
    public void submit(String id) {
        WebElement old = driver.findElement(By.tagName("main"));
        browser.click(driver.findElement(By.id(id)));
        browser.await().until(ExpectedConditions.stalenessOf(old));
        await(By.tagName("main"));
    }

    /** Clicks {@code id} without waiting for a new page (a checkbox, a radio button, a nav link). */
    public void click(String id) {
        browser.click(driver.findElement(By.id(id)));
    }

    /** Types {@code value} into the field {@code id}, replacing what was there. */
    public void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Sets a date or date-time picker's value as the browser's own picker would (pickers take no typing portably). */
    public void pick(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", driver.findElement(By.id(id)), value);
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void await(By element) {
        browser.await().until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /**
     * Reloads the open page until its status (#purchase-status) reads {@code label}: what a person
     * does while the engine moves the purchase on (a deadline passed, the last score given).
     */
    public void awaitStatus(String label) {
        Instant until = Instant.now().plus(Browser.PATIENCE);
        while (true) {
            List<WebElement> status = driver.findElements(By.id("purchase-status"));
            if (!status.isEmpty() && label.equals(status.get(0).getText())) {
                return;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("status still " + (status.isEmpty() ? "(none)" : status.get(0).getText())
                        + ", expected " + label);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            driver.navigate().refresh();
            await(By.tagName("main"));
        }
    }

    /** Saves a screenshot and checks that what a person reads is Chinese: no JSON, no stack trace, no English engine text. */
    public void shot(String name) {
        browser.screenshot(name);
        assertNothingForeign();
    }

    public void assertNothingForeign() {
        String body = browser.body();
        assertThat(body).as("page text").doesNotContain("{\"").doesNotContain("at cn.shequ").doesNotContain("Whitelabel")
                .doesNotContainPattern(ENGLISH);
    }

    /** Attaches {@code file} through the file input {@code input} and the upload button {@code button}. */
    public void upload(String input, String button, Path file) {
        driver.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
        submit(button);
    }

    /** A small PDF named {@code name} in a fresh temporary directory. */
    public static Path pdf(String name) throws IOException {
        Path file = Files.createTempDirectory("upload-").resolve(name);
        Files.writeString(file, "%PDF-1.4\n% " + name + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        return file;
    }
}
