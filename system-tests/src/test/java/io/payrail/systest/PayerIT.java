package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

        Payers.typeCredentials(driver, login, Payers.PASSWORD);
        Payers.awaitSignedIn(driver);
        assertThat(driver.getCurrentUrl()).contains("/payer/orders.xhtml");
    }

    @Test
    void aWrongCodeIsRefusedAndAnUnconfirmedAccountCannotSignIn() {
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

        assertThat(driver.findElement(By.id("messages")).getText()).contains("wrong");
        Gateway.Answer signIn = Payers.signInByApi(login, Payers.PASSWORD);
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.json().getString("code")).isEqualTo("PAYER_NOT_VERIFIED");
        assertThat(Database.count("SELECT COUNT(*) FROM payer_code c JOIN payer p ON p.id = c.payer_id"
                + " WHERE p.login = ? AND c.code_hash LIKE 'PBKDF2WithHmacSHA256:%'", login))
                .as("the code is kept as a slow hash only").isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM payer_code c JOIN payer p ON p.id = c.payer_id"
                + " WHERE p.login = ? AND c.code_hash LIKE ?", login, "%" + code + "%")).isZero();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndAResetByCodeOpensIt() {
        String login = Payers.registerByApi();
        WebDriver driver = browser.driver();
        driver.get(Gateway.baseUrl() + "/payer/login.xhtml");
        for (int i = 0; i < MAX_FAILURES; i++) {
            Payers.typeCredentials(driver, login, "not-the-password-" + i);
        }
        assertThat(driver.findElement(By.id("messages")).getText()).contains("locked");
        browser.screenshot("payer-locked");
        // locked: the right password is refused too, on the page and by the API
        Payers.typeCredentials(driver, login, Payers.PASSWORD);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("locked");
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
        // the code was single-use
        Gateway.Answer again = Gateway.post("/api/payer/v1/registrations/verification",
                "{\"login\":\"" + login + "\",\"code\":\"" + code + "\"}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(Payers.signInByApi(login, Payers.PASSWORD).status()).as("the old password").isEqualTo(401);
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
