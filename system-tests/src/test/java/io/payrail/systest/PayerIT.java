package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Payer accounts and "my orders" in headless Chromium, with the one-time codes the simulator's
 * message gateway received: register, confirm, sign out and in; repeated wrong passwords lock the
 * account, a reset by code opens it again; a signed-in payer pays a merchant's order at the cashier
 * and finds it in "my orders" with its history, while a second payer gets 404 for it by page, by URL
 * and by API.
 */
class PayerIT {

    private static final Duration LIMIT = Duration.ofSeconds(40);
    /** payrail.payer.lockout.max-failures of the test stack (the default). */
    private static final int MAX_FAILURES = 5;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aPayerRegistersWithTheCodeSignsOutAndSignsInAgain() {
        WebDriver driver = browser.driver();
        String login = Payers.registerAndSignIn(driver);
        assertThat(driver.getCurrentUrl()).contains("/payer/orders.xhtml");
        assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains(login);
        browser.screenshot("payer-my-orders-empty");

        Payers.signOut(driver);
        // signed out: "my orders" sends the browser to the sign-in page
        driver.get(Gateway.baseUrl() + "/payer/orders.xhtml");
        assertThat(driver.getCurrentUrl()).contains("/payer/login.xhtml");
        assertThat(driver.findElements(By.id("sign-out"))).isEmpty();

        Cookie before = driver.manage().getCookieNamed("JSESSIONID");
        Payers.typeCredentials(driver, login, Payers.PASSWORD);
        Payers.awaitSignedIn(driver);
        assertThat(driver.getCurrentUrl()).contains("/payer/orders.xhtml");
        // a new session id at sign-in: one planted before is worth nothing after
        assertThat(before).as("the sign-in page's session").isNotNull();
        assertThat(driver.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(before.getValue());
        assertThat(driver.manage().getCookieNamed("JSESSIONID").isSecure()).isTrue();
        assertThat(driver.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();

        // the payer's own password change: the current one is asked for, the new one works after
        driver.findElement(By.id("nav-password")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("change-password")));
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.id("new-password")).sendKeys("changed-password-3");
        driver.findElement(By.id("change-password")).click();
        awaitMessage(driver, "PAYER_UNAUTHORIZED");
        driver.findElement(By.id("password")).sendKeys(Payers.PASSWORD);
        driver.findElement(By.id("new-password")).sendKeys("changed-password-3");
        driver.findElement(By.id("change-password")).click();
        awaitMessage(driver, "changed");
        Payers.signOut(driver);
        assertThat(Payers.signInByApi(login, Payers.PASSWORD).status()).isEqualTo(401);
        assertThat(Payers.signInByApi(login, "changed-password-3").status()).isEqualTo(201);
    }

    @Test
    void aWrongCodeIsRefusedAndAnUnconfirmedAccountCannotSignIn() throws IOException {
        WebDriver driver = browser.driver();
        String login = Payers.newLogin();
        driver.get(Gateway.baseUrl() + "/payer/register.xhtml");
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(Payers.PASSWORD);
        driver.findElement(By.id("register")).click();
        String code = Payers.code(login, null);
        String wrong = code.equals("000000") ? "111111" : "000000";

        driver.findElement(By.id("code")).sendKeys(wrong);
        driver.findElement(By.id("verify")).click();

        awaitMessage(driver, "wrong");
        Gateway.Answer signIn = Payers.signInByApi(login, Payers.PASSWORD);
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.json().getString("code")).isEqualTo("PAYER_NOT_VERIFIED");
        assertThat(Database.count("SELECT COUNT(*) FROM payer_code c JOIN payer p ON p.id = c.payer_id"
                + " WHERE p.login = ? AND c.code_hash LIKE 'PBKDF2WithHmacSHA256:%'", login))
                .as("the code is kept as a slow hash only").isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM payer_code c JOIN payer p ON p.id = c.payer_id"
                + " WHERE p.login = ? AND c.code_hash LIKE ?", login, "%" + code + "%")).isZero();
        // neither the code nor the password is in any log of the stack (the platform's, the simulator's)
        Path logs = Path.of(System.getProperty("payrail.systest.staffDir")).resolveSibling("logs");
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertThat(text).as(log.toString()).doesNotContain(code).doesNotContain(Payers.PASSWORD);
            }
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndAResetByCodeOpensIt() {
        String login = Payers.registerByApi();
        WebDriver driver = browser.driver();
        driver.get(Gateway.baseUrl() + "/payer/login.xhtml");
        for (int i = 0; i < MAX_FAILURES; i++) {
            Payers.typeCredentials(driver, login, "not-the-password-" + i);
        }
        awaitMessage(driver, "locked");
        browser.screenshot("payer-locked");
        // locked: the right password is refused too, on the page and by the API
        Payers.typeCredentials(driver, login, Payers.PASSWORD);
        awaitMessage(driver, "locked");
        assertThat(driver.findElements(By.id("sign-out"))).isEmpty();
        Gateway.Answer api = Payers.signInByApi(login, Payers.PASSWORD);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.isProblem()).isTrue();
        assertThat(api.json().getString("code")).isEqualTo("PAYER_LOCKED");

        String before = Simulator.latestMessageId(login);
        driver.findElement(By.id("forgot")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("send-code")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "code is on its way"));
        String code = Payers.code(login, before);
        driver.findElement(By.id("code")).sendKeys(code);
        String newPassword = "new-payer-password-2";
        driver.findElement(By.id("new-password")).sendKeys(newPassword);
        driver.findElement(By.id("reset")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reset-done")));

        Payers.typeCredentials(driver, login, newPassword);
        Payers.awaitSignedIn(driver);
        assertThat(Payers.signInByApi(login, Payers.PASSWORD).status()).as("the old password").isEqualTo(401);
        // the code was single-use
        driver.get(Gateway.baseUrl() + "/payer/reset.xhtml");
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("new-password")).sendKeys("third-payer-password-4");
        driver.findElement(By.id("reset")).click();
        awaitMessage(driver, "no longer valid");
        assertThat(Payers.signInByApi(login, "third-payer-password-4").status()).isEqualTo(401);
    }

    @Test
    void aSignedInPayersCashierPaymentIsInMyOrdersAndNobodyElseCanSeeIt() {
        WebDriver driver = browser.driver();
        String login = Payers.registerAndSignIn(driver);
        JsonObject order = CashierIT.cashierOrder(2468);
        String id = order.getString("id");

        driver.get(order.getString("cashierUrl"));
        assertThat(driver.findElements(By.id("payer-sign-in"))).as("signed in: no sign-in offer").isEmpty();
        CashierIT.payWithCard(driver, "4111111111111111");
        assertThat(CashierIT.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        assertThat(Simulator.record("cardgw", id).getInt("charges")).isEqualTo(1);
        assertThat(Database.string("SELECT p.login FROM payment_order o JOIN payer p ON o.payer_id = CAST(p.id AS CHAR)"
                + " WHERE o.id = ?", id)).isEqualTo(login);

        // "my orders": the order, then its detail with its history
        driver.get(Gateway.baseUrl() + "/payer/orders.xhtml");
        By row = By.cssSelector("tr.order[data-order='" + id + "']");
        assertThat(driver.findElement(row).getAttribute("data-state")).isEqualTo("SUCCEEDED");
        assertThat(driver.findElement(row).getText()).contains("24.68 USD");
        browser.screenshot("payer-my-orders");
        driver.findElement(row).findElement(By.tagName("a")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("order-id")));
        assertThat(driver.findElement(By.id("order-id")).getText()).isEqualTo(id);
        assertThat(driver.findElement(By.id("state")).getAttribute("data-state")).isEqualTo("SUCCEEDED");
        assertThat(driver.findElements(By.cssSelector("#history li.change[data-to='SUCCEEDED']"))).hasSize(1);
        assertThat(driver.findElement(By.id("attempts")).getText()).contains("1111").doesNotContain("4111111111111111");
        browser.screenshot("payer-order-detail");
        // searching by text finds it, by another state does not
        driver.get(Gateway.baseUrl() + "/payer/orders.xhtml");
        driver.findElement(By.id("search-text")).sendKeys(order.getString("merchantOrderNo"));
        driver.findElement(By.id("search-submit")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(row));

        // the payer API shows the same to its payer
        String token = Payers.apiToken(login, Payers.PASSWORD);
        Gateway.Answer own = Payers.get(token, "/orders/" + id);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().getString("state")).isEqualTo("SUCCEEDED");
        assertThat(own.json().getJsonNumber("amount").longValue()).isEqualTo(2468);
        assertThat(Payers.get(token, "/orders?q=" + order.getString("merchantOrderNo")).json()
                .getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);

        // a second payer: 404 by page (URL typed in), by the page's answer status, and by API
        Payers.signOut(driver);
        String other = Payers.registerAndSignIn(driver);
        assertThat(other).isNotEqualTo(login);
        assertThat(driver.findElements(By.cssSelector("tr.order[data-order='" + id + "']"))).isEmpty();
        driver.get(Gateway.baseUrl() + "/payer/order.xhtml?id=" + id);
        assertThat(driver.findElement(By.id("not-found")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("order-id"))).isEmpty();
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        Gateway.Answer page = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.baseUrl()
                + "/payer/order.xhtml?id=" + id)).header("Cookie", "JSESSIONID=" + session.getValue()).GET());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("2468").doesNotContain("24.68");
        Gateway.Answer byCookie = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.baseUrl()
                + "/api/payer/v1/orders/" + id)).header("Cookie", "JSESSIONID=" + session.getValue()).GET());
        assertThat(byCookie.status()).isEqualTo(404);
        Gateway.Answer byApi = Payers.get(Payers.apiToken(other, Payers.PASSWORD), "/orders/" + id);
        assertThat(byApi.status()).isEqualTo(404);
        assertThat(byApi.isProblem()).isTrue();
        assertThat(byApi.json().getString("code")).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(Payers.get(Payers.apiToken(other, Payers.PASSWORD), "/orders").json().getJsonArray("items")).isEmpty();
    }

    @Test
    void refundsShowInMyOrdersAndTheListIsSearchedAndPaged() {
        WebDriver driver = browser.driver();
        String login = Payers.registerAndSignIn(driver);
        String first = payAtCashier(driver, 1000);
        String second = payAtCashier(driver, 2000);

        // the merchant refunds part of the first payment through its signed API
        TestMerchant merchant = Merchants.demo();
        var refund = merchant.post("/api/v1/payments/" + first + "/refunds", "{\"merchantRefundNo\":\"rf-payer-" + first
                + "\",\"amount\":300}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(Payments.awaitState(merchant, first, LIMIT, Set.of("PARTIALLY_REFUNDED")).getString("state"))
                .isEqualTo("PARTIALLY_REFUNDED");

        driver.get(Gateway.baseUrl() + "/payer/order.xhtml?id=" + first);
        assertThat(driver.findElement(By.id("state")).getAttribute("data-state")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(driver.findElement(By.cssSelector("#refunds li.refund")).getText()).contains("3.00 USD");
        assertThat(driver.findElements(By.cssSelector("#history li.change[data-to='PARTIALLY_REFUNDED']"))).hasSize(1);

        String token = Payers.apiToken(login, Payers.PASSWORD);
        JsonObject detail = Payers.get(token, "/orders/" + first).json();
        assertThat(detail.getJsonArray("refunds").getJsonObject(0).getInt("amount")).isEqualTo(300);
        // by state: the refunded one only
        JsonObject refunded = Payers.get(token, "/orders?state=PARTIALLY_REFUNDED").json();
        assertThat(refunded.getJsonArray("items")).extracting(v -> ((JsonObject) v).getString("id")).containsExactly(first);
        // paged: one a page, newest first, the cursor leads to the other and no further
        JsonObject page1 = Payers.get(token, "/orders?limit=1").json();
        assertThat(page1.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(second);
        JsonObject page2 = Payers.get(token, "/orders?limit=1&cursor=" + page1.getString("nextCursor")).json();
        assertThat(page2.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(first);
        assertThat(page2.containsKey("nextCursor")).isFalse();
        assertThat(Payers.get(token, "/orders?limit=0").status()).isEqualTo(400);
        // the page: filtered by state
        driver.get(Gateway.baseUrl() + "/payer/orders.xhtml");
        new Select(driver.findElement(By.id("search-state")))
                .selectByValue("PARTIALLY_REFUNDED");
        driver.findElement(By.id("search-submit")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.order"), 1));
        assertThat(driver.findElement(By.cssSelector("tr.order")).getAttribute("data-order")).isEqualTo(first);
    }

    @Test
    void aGuestSignsInFromTheCashierAndComesBackToPayAsThemselves() {
        String login = Payers.registerByApi();
        WebDriver driver = browser.driver();
        JsonObject order = CashierIT.cashierOrder(1357);
        driver.get(order.getString("cashierUrl"));
        driver.findElement(By.id("payer-sign-in")).click();
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        Payers.typeCredentials(driver, login, Payers.PASSWORD);

        // back on the same order's cashier page, signed in
        assertThat(driver.getCurrentUrl()).isEqualTo(order.getString("cashierUrl"));
        assertThat(driver.findElements(By.id("payer-sign-in"))).isEmpty();
        CashierIT.payWithCard(driver, "4111111111111111");
        assertThat(CashierIT.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        assertThat(Payers.get(Payers.apiToken(login, Payers.PASSWORD), "/orders/" + order.getString("id")).status())
                .isEqualTo(200);

        // a sign-in link that names another site leads to "my orders" instead (no open redirect)
        driver.get(Gateway.baseUrl() + "/payer/orders.xhtml");
        Payers.signOut(driver);
        driver.get(Gateway.baseUrl() + "/payer/login.xhtml?next=//evil.example/steal");
        Payers.typeCredentials(driver, login, Payers.PASSWORD);
        assertThat(driver.getCurrentUrl()).startsWith(Gateway.baseUrl() + "/payer/orders.xhtml");
    }

    @Test
    void aCodeIsSpentByWrongTriesAndByItsExpiry() {
        String login = Payers.newLogin();
        String registration = registration(Payers.registerByApi(login, Payers.PASSWORD));
        String code = Payers.code(login, null);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(Payers.verifyByApi(login, wrong, registration).json().getString("code"))
                    .isEqualTo("PAYER_CODE_INVALID");
        }
        Gateway.Answer spent = Payers.verifyByApi(login, code, registration);
        assertThat(spent.status()).as("the right code after five wrong ones").isEqualTo(422);
        assertThat(spent.json().getString("detail")).contains("no longer valid");

        String before = Simulator.latestMessageId(login);
        registration = registration(Payers.registerByApi(login, Payers.PASSWORD));
        String fresh = Payers.code(login, before);
        Database.update("UPDATE payer_code SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE payer_id ="
                + " (SELECT id FROM payer WHERE login = ?)", login);
        assertThat(Payers.verifyByApi(login, fresh, registration).status()).as("an expired code").isEqualTo(422);
        assertThat(Payers.signInByApi(login, Payers.PASSWORD).json().getString("code")).isEqualTo("PAYER_NOT_VERIFIED");
    }

    @Test
    void whoeverRegistersAnothersLoginCannotTakeOverTheAccountWhenItsOwnerTypesTheCode() {
        String login = Payers.newLogin();
        // the owner registers; someone else registers the same login with their own password, and so
        // gets the latest code sent to the owner's address, and that registration's secret
        String owners = registration(Payers.registerByApi(login, Payers.PASSWORD));
        String before = Simulator.latestMessageId(login);
        String attackers = registration(Payers.registerByApi(login, "attacker-password-9"));
        String latestCode = Payers.code(login, before);

        // the owner types the latest code they received: it is not their registration's
        assertThat(Payers.verifyByApi(login, latestCode, owners).status()).isEqualTo(422);
        // nor can the other one confirm without the code
        assertThat(Payers.verifyByApi(login, latestCode.equals("000000") ? "111111" : "000000", attackers).status())
                .isEqualTo(422);
        Gateway.Answer takeover = Payers.signInByApi(login, "attacker-password-9");
        assertThat(takeover.status()).as(takeover.body()).isEqualTo(403);
        assertThat(takeover.json().getString("code")).isEqualTo("PAYER_NOT_VERIFIED");

        // the owner registers again and confirms with their own code: the account is theirs
        before = Simulator.latestMessageId(login);
        owners = registration(Payers.registerByApi(login, Payers.PASSWORD));
        assertThat(Payers.verifyByApi(login, Payers.code(login, before), owners).status()).isEqualTo(200);
        assertThat(Payers.signInByApi(login, Payers.PASSWORD).status()).isEqualTo(201);
        assertThat(Payers.signInByApi(login, "attacker-password-9").status()).isEqualTo(401);
    }

    @Test
    void concurrentRegistrationsOfOneLoginMakeOneAccountAndNoServerError() throws Exception {
        String login = Payers.newLogin();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Gateway.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> Payers.registerByApi(login, Payers.PASSWORD)));
            }
            for (Future<Gateway.Answer> answer : answers) {
                Gateway.Answer a = answer.get(60, TimeUnit.SECONDS);
                assertThat(a.status()).as(a.body()).isIn(202, 409);
                if (a.status() == 409) {
                    assertThat(a.isProblem()).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM payer WHERE login = ?", login)).isEqualTo(1);
    }

    private static String registration(Gateway.Answer registered) {
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        return registered.json().getString("registration");
    }

    @Test
    void payerPagesAreHttpsOnlyAndSpeakChinese() {
        Gateway.Answer get = Gateway.get(Gateway.plainHttpUrl() + "/payer/login.xhtml", Map.of());
        assertThat(get.status()).isEqualTo(301);
        assertThat(get.raw().headers().firstValue("Location").orElse("")).startsWith("https://");
        Gateway.Answer post = Gateway.post(Gateway.plainHttpUrl() + "/payer/login.xhtml",
                "login=a%40example.test&password=x".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.body()).contains("HTTPS only");
        Gateway.Answer zh = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/payer/login.xhtml"))
                .header("Accept-Language", "zh-CN,zh;q=0.9").GET());
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body()).contains("\u767b\u5f55").contains("lang=\"zh\"");
    }

    /**
     * Waits for the page's messages to say {@code text}: a form's answer replaces the page, and an
     * element of the page being replaced is read again.
     */
    private static void awaitMessage(WebDriver driver, String text) {
        new WebDriverWait(driver, LIMIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
    }

    /** A new CASHIER order paid with a new card in the browser (signed in or not); its id. */
    private static String payAtCashier(WebDriver driver, long amount) {
        JsonObject order = CashierIT.cashierOrder(amount);
        driver.get(order.getString("cashierUrl"));
        CashierIT.payWithCard(driver, "4111111111111111");
        assertThat(CashierIT.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        return order.getString("id");
    }

    @Test
    void thePayerApiWithoutAPayerIs401Problem() {
        Gateway.Answer none = Payers.get(null, "/orders");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        assertThat(none.json().getString("code")).isEqualTo("PAYER_UNAUTHORIZED");
        assertThat(Payers.get("pyr_forged", "/orders").status()).isEqualTo(401);
        Gateway.Answer bad = Gateway.post("/api/payer/v1/sessions", "{\"login\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
    }
}
