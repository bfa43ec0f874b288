package cn.shequ.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser for the browser tests: Debian's chromium and chromium-driver, in Chinese,
 * on Beijing time, with a profile of its own. Without chromium or chromedriver the test is skipped,
 * loudly (CI installs both). Screenshots go to {@code target/<prefix>-<name>.png}; closing leaves a
 * last screenshot and prints the page text, for a failure.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("shequ.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("shequ.chromedriver", "/usr/bin/chromedriver"));
    /** The webapps load a few MB of scripts: generous on a shared, busy build machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(240);

    private final WebDriver driver;
    private final Path profile;
    private final String prefix;
    private final WebDriverWait wait;

    private Browser(WebDriver driver, Path profile, String prefix) {
        this.driver = driver;
        this.profile = profile;
        this.prefix = prefix;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /**
     * Opens a browser window of {@code width}×{@code height}; screenshots are named
     * {@code target/<prefix>-…png}.
     */
    public static Browser open(String prefix, int width, int height) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("""

                    ****************************************************************************
                    *  BROWSER TEST SKIPPED (%s): no %s or no %s
                    *  Install them with: apt-get install -y chromium chromium-driver
                    ****************************************************************************
                    """.formatted(prefix, CHROMIUM, CHROMEDRIVER));
        }
        assumeTrue(present, "SKIPPED: no headless browser (" + CHROMIUM + ", " + CHROMEDRIVER
                + "); apt-get install -y chromium chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("shequ-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--accept-lang=zh-CN,zh");
        // an office PC in China: the pages show dates in the browser's zone
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", "Asia/Shanghai")).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile, prefix);
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait of {@link #PATIENCE}. */
    public WebDriverWait await() {
        return wait;
    }

    /** The text of the page's body, as a person reads it. */
    public String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Clicks {@code element} as the page's script sees a click (fixed footers and scrolling panes
     * make a pointer click at its coordinates land on something else).
     */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** Signs in as {@code user} (password demo) through the login form {@code page} leads to; waits for the workbench's header. */
    public void login(String page, String user) {
        login(page, user, "demo");
    }

    /** {@link #login(String, String)} with the account's own password. */
    public void login(String page, String user, String password) {
        login(driver, await(), page, user, password);
    }

    /** Logs out with the header's button; waits for the login page. */
    public void logout() {
        logout(driver, await());
    }

    /** {@link #login(String, String)} for a test that holds the driver itself. */
    public static void login(WebDriver driver, WebDriverWait wait, String page, String user) {
        login(driver, wait, page, user, "demo");
    }

    private static void login(WebDriver driver, WebDriverWait wait, String page, String user, String secret) {
        driver.get(page);
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        WebElement password = driver.findElement(By.name("password"));
        password.sendKeys(secret);
        password.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("me-name")));
    }

    /**
     * {@link #logout()} for a test that holds the driver itself. It waits for the login page's
     * address: waiting for the header to disappear raced with the page being replaced under load
     * ("Node with given id does not belong to the document").
     */
    public static void logout(WebDriver driver, WebDriverWait wait) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", driver.findElement(By.id("logout")));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** Saves what the window shows now as {@code target/<prefix>-<name>.png}. */
    public Path screenshot(String name) {
        Path target = Path.of("target", prefix + "-" + name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[browser] screenshot " + target.toAbsolutePath());
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            screenshot("last");
            System.out.println("[browser] page text:\n" + body());
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
