package io.payrail.systest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromium-driver} ({@code ./payrail test} installs both when run as root; Selenium never
 * downloads a browser). The stack's TLS certificate is self-signed, so certificate errors are
 * accepted for this test browser only. Screenshots go to {@value #SCREENSHOTS} (one PNG per call of
 * {@link #screenshot}), kept after the run.
 */
final class Browser implements AutoCloseable {

    static final String SCREENSHOTS = "system-tests/target/screenshots";

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser (empty profile, cookies and storage); close it after the test. */
    static Browser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("payrail.systest.chromium", "/usr/bin/chromium"));
        // flags that keep a sandboxed, offline machine quiet: no GPU, no sandbox (root), no calls home
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en");
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("payrail.systest.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    WebDriver driver() {
        return driver;
    }

    /** Writes the page as it is now to {@value #SCREENSHOTS}/{@code name}.png and returns the file. */
    Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("payrail.systest.repoRoot", ".")).resolve(SCREENSHOTS);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the screenshot " + name + " to " + dir, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
