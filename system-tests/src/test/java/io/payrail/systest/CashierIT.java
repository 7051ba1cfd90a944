package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A merchant creates an order through the signed API for the payer to pay at the cashier; the payer
 * opens its {@code cashierUrl} in headless Chromium and pays with a new card (CARDGW), with or without
 * the issuer's confirmation, or from the wallet. Each payment reaches SUCCEEDED and the channel's own
 * record shows exactly one charge.
 */
class CashierIT {

    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final TestMerchant MERCHANT = Merchants.demo();
    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    /** A CASHIER order: the payer chooses at the cashier. */
    static JsonObject cashierOrder(long amount) {
        String body = Json.createObjectBuilder().add("merchantOrderNo", Payments.newOrderNo("cashier"))
                .add("amount", amount).add("currency", "USD").add("subject", "Cashier test order")
                .add("paymentMethod", "CASHIER").build().toString();
        var created = MERCHANT.post("/api/v1/payments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject order = TestMerchant.json(created);
        assertThat(order.getString("state")).isEqualTo("CREATED");
        assertThat(URI.create(order.getString("cashierUrl")).getScheme()).isEqualTo("https");
        return order;
    }

    private static WebDriver openCashier(JsonObject order) {
        WebDriver driver = browser.driver();
        driver.get(order.getString("cashierUrl"));
        return driver;
    }

    static void payWithCard(WebDriver driver, String number) {
        driver.findElement(By.id("card-number")).sendKeys(number);
        driver.findElement(By.id("card-expiry")).sendKeys("12/30");
        driver.findElement(By.id("card-cvv")).sendKeys("737");
        driver.findElement(By.id("pay")).click();
    }

    /** The payer approves on the channel's own page (CARDGW's confirmUrl, WALLET's payUrl). */
    private static void approveOnChannelPage(WebDriver driver, String channel) {
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.urlContains("/sim/pages/" + channel + "/"));
        browser.screenshot("cashier-" + channel + "-page");
        driver.findElement(By.xpath("//*[@name='action' and @value='approve']")).click();
    }

    /** The order SUCCEEDED, and the channel's own record of the reference shows one charge. */
    private static void assertPaidOnce(String id, String channel, String reference) {
        assertThat(Payments.awaitFinal(MERCHANT, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        JsonObject record = Simulator.record(channel, reference);
        assertThat(record.getString("status")).isEqualTo("PAID");
        assertThat(record.getInt("charges")).isEqualTo(1);
    }

    /** The page's order state once it is {@code expected} (see {@link CashierPages#pageState}). */
    static String pageState(WebDriver driver, String expected) {
        return CashierPages.pageState(driver, expected);
    }

    @Test
    void aNewCardPaysTheOrderOnceAndThePageSaysSo() {
        JsonObject order = cashierOrder(1234);
        String id = order.getString("id");
        WebDriver driver = openCashier(order);
        assertThat(driver.findElement(By.id("amount")).getText()).isEqualTo("12.34 USD");
        assertThat(CashierPages.pageState(driver, "CREATED")).isEqualTo("CREATED");

        payWithCard(driver, "4111111111111111");

        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        browser.screenshot("cashier-new-card-paid");
        assertPaidOnce(id, "cardgw", id);
        assertThat(Simulator.record("cardgw", id).getInt("payRequests")).isEqualTo(1);
    }

    @Test
    void aDeclinedCardSaysWhyAndAnotherCardPaysTheSameOrder() {
        JsonObject order = cashierOrder(2500);
        String id = order.getString("id");
        WebDriver driver = openCashier(order);

        payWithCard(driver, "4000000000000051");

        assertThat(driver.findElement(By.id("messages")).getText()).contains("declined").contains("INSUFFICIENT_FUNDS");
        assertThat(CashierPages.pageState(driver, "CREATED")).isEqualTo("CREATED");
        browser.screenshot("cashier-declined");
        assertThat(Simulator.record("cardgw", id).getInt("charges")).isZero();

        payWithCard(driver, "4111111111111111");

        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        // the second attempt is its own reference at CARDGW, charged once
        assertPaidOnce(id, "cardgw", id + ".2");
        assertThat(Simulator.record("cardgw", id).getInt("charges")).isZero();
    }

    @Test
    void aCardThatWantsConfirmingIsConfirmedOnTheIssuersPageAndPaidOnce() {
        JsonObject order = cashierOrder(4321);
        String id = order.getString("id");
        WebDriver driver = openCashier(order);

        payWithCard(driver, "4000000000003204");

        // the issuer's page (CARDGW's confirmUrl)
        approveOnChannelPage(driver, "cardgw");

        assertPaidOnce(id, "cardgw", id);
        driver.get(order.getString("cashierUrl"));
        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
    }

    @Test
    void theWalletTakesThePayerToItsPageAndPaysOnce() {
        JsonObject order = cashierOrder(1500);
        String id = order.getString("id");
        WebDriver driver = openCashier(order);

        driver.findElement(By.id("pay-wallet")).click();

        approveOnChannelPage(driver, "wallet");

        assertPaidOnce(id, "wallet", id);
    }

    @Test
    void anExpiredCashierPageSaysSoAndCannotPay() {
        JsonObject order = cashierOrder(999);
        String id = order.getString("id");
        // the order's time runs out (as if its expiresInSeconds had passed)
        Database.update("UPDATE payment_order SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?", id);

        WebDriver driver = openCashier(order);

        assertThat(CashierPages.pageState(driver, "EXPIRED")).isEqualTo("EXPIRED");
        assertThat(driver.findElement(By.id("state")).getText()).contains("expired");
        assertThat(driver.findElements(By.id("pay"))).isEmpty();
        assertThat(Simulator.record("cardgw", id).getInt("payRequests")).isZero();
    }

    @Test
    void anUnknownCashierLinkIsNotFound() {
        WebDriver driver = browser.driver();
        driver.get(Gateway.baseUrl() + "/cashier/pay.xhtml?t=no-such-token");
        assertThat(driver.findElement(By.id("not-found")).getText()).contains("No payment has this link");
    }
}
