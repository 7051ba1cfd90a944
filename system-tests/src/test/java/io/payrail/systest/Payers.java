package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Payers for the tests: a new account registered and confirmed with the one-time code the
 * simulator's message gateway received, signed in within a browser ({@link #registerAndSignIn}) or
 * over the payer API ({@link #registerByApi}, {@link #apiToken}). Every payer has {@link #PASSWORD}
 * until a test changes it, and a fresh e-mail login, so tests never share one.
 */
final class Payers {

    /** The password every new test payer gets. */
    static final String PASSWORD = "payer-password-1";

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Payers() {
    }

    /** A login no payer has yet. */
    static String newLogin() {
        return "payer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /**
     * Registers a new payer in the browser's pages, types the code the simulator received, and
     * leaves the browser signed in as them (on "my orders"); returns the login.
     */
    static String registerAndSignIn(WebDriver driver) {
        String login = newLogin();
        driver.get(Gateway.baseUrl() + "/payer/register.xhtml");
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("register")));
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("register")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        driver.findElement(By.id("code")).sendKeys(code(login, null));
        driver.findElement(By.id("verify")).click();
        awaitSignedIn(driver);
        return login;
    }

    /** Signs in on the sign-in page (whoever was signed in before). */
    static void signIn(WebDriver driver, String login, String password) {
        driver.get(Gateway.baseUrl() + "/payer/login.xhtml");
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        typeCredentials(driver, login, password);
    }

    /** Types login and password into the sign-in form shown now, sends it and waits for the answer page. */
    static void typeCredentials(WebDriver driver, String login, String password) {
        driver.findElement(By.id("login")).clear();
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.id("sign-in"));
        button.click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.stalenessOf(button));
    }

    /** Waits for a signed-in page (its sign-out button). */
    static void awaitSignedIn(WebDriver driver) {
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    static void signOut(WebDriver driver) {
        driver.findElement(By.id("sign-out")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    }

    /**
     * The code the simulator received for {@code login} after the message {@code after} (null: any),
     * waiting for it briefly (the platform sends it within the request, so it is there at once).
     */
    static String code(String login, String after) {
        return Await.until("a one-time code sent to " + login, LIMIT, () -> Simulator.latestCode(login, after),
                c -> c != null);
    }

    /** Registers and confirms a new payer through the payer API; returns the login. */
    static String registerByApi() {
        String login = newLogin();
        Gateway.Answer registered = registerByApi(login, PASSWORD);
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        Gateway.Answer verified = verifyByApi(login, code(login, null), registered.json().getString("registration"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return login;
    }

    /** {@code POST /api/payer/v1/registrations}, answered with the registration secret (202) or a problem. */
    static Gateway.Answer registerByApi(String login, String password) {
        return Gateway.post("/api/payer/v1/registrations", credentials(login, password));
    }

    /** {@code POST /api/payer/v1/registrations/verification} as answered. */
    static Gateway.Answer verifyByApi(String login, String code, String registration) {
        return Gateway.post("/api/payer/v1/registrations/verification", Json.createObjectBuilder().add("login", login)
                .add("code", code).add("registration", registration).build().toString());
    }

    /** {@code POST /api/payer/v1/sessions} as answered. */
    static Gateway.Answer signInByApi(String login, String password) {
        return Gateway.post("/api/payer/v1/sessions", credentials(login, password));
    }

    /** A payer-API bearer token of a confirmed payer. */
    static String apiToken(String login, String password) {
        Gateway.Answer answer = signInByApi(login, password);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().getString("token");
    }

    /** A GET of the payer API with a bearer token (null: none), answered as it is. */
    static Gateway.Answer get(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/api/payer/v1" + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Gateway.send(request);
    }

    private static String credentials(String login, String password) {
        return Json.createObjectBuilder().add("login", login).add("password", password).build().toString();
    }
}
