package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Quick pay at the cashier, as a guest within one order (headless Chromium): the payer binds a card
 * with their phone (QUICKPAY texts a code: the test reads the simulator's "SMS"), then pays with the
 * agreement and a code texted for this payment. The order reaches SUCCEEDED and QUICKPAY's own record
 * shows one charge; a wrong code is refused with the tries left and charges nothing.
 */
class QuickPayIT {

    private static final Duration LIMIT = CashierPages.LIMIT;
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

    /** Card and phone to QUICKPAY; returns QUICKPAY's binding id (the page shows it as an attribute). */
    static String startBinding(WebDriver driver, String card) {
        CashierPages.await(driver, "qp-card-number").sendKeys(card);
        driver.findElement(By.id("qp-card-expiry")).sendKeys("12/30");
        driver.findElement(By.id("qp-phone")).sendKeys("+8613800138000");
        driver.findElement(By.id("qp-bind")).click();
        return CashierPages.attribute(driver, "qp-bind-sent", "data-bind-id");
    }

    /** Binds a card with the code QUICKPAY texted, then pays the order with a code texted for it. */
    static void bindAndPay(WebDriver driver, String card) {
        String bindId = startBinding(driver, card);
        CashierPages.await(driver, "qp-bind-code").sendKeys(Simulator.quickPayCode(bindId));
        driver.findElement(By.id("qp-confirm")).click();
        payWithAgreement(driver);
    }

    /** With the agreement chosen on the page: a code for this payment, then pay. */
    static void payWithAgreement(WebDriver driver) {
        CashierPages.await(driver, "qp-send-code").click();
        String agreementId = CashierPages.attribute(driver, "qp-code-sent", "data-agreement-id");
        assertThat(agreementId).startsWith("qpa_");
        CashierPages.await(driver, "qp-code").sendKeys(Simulator.quickPayCode(agreementId));
        driver.findElement(By.id("qp-pay")).click();
    }

    @Test
    void aGuestBindsACardAndPaysWithTheAgreementAndATextedCodeOnce() {
        JsonObject order = CashierPages.cashierOrder("quickpay", 2468);
        String id = order.getString("id");
        WebDriver driver = browser.driver();
        driver.get(order.getString("cashierUrl"));

        bindAndPay(driver, "4111111111111111");
        browser.screenshot("quickpay-paying");

        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        browser.screenshot("quickpay-paid");
        assertThat(Payments.awaitFinal(MERCHANT, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        JsonObject record = Simulator.record("quickpay", id);
        assertThat(record.getString("status")).isEqualTo("PAID");
        assertThat(record.getInt("charges")).isEqualTo(1);
        assertThat(Database.string("SELECT instrument FROM payment_attempt WHERE order_id = ?", id))
                .isEqualTo("Quick pay Visa •••• 1111");
    }

    @Test
    void aWrongBindingCodeIsRefusedWithTheTriesLeftAndNothingIsCharged() {
        JsonObject order = CashierPages.cashierOrder("quickpay", 1357);
        String id = order.getString("id");
        WebDriver driver = browser.driver();
        driver.get(order.getString("cashierUrl"));
        String bindId = startBinding(driver, "4111111111111111");
        String right = Simulator.quickPayCode(bindId);
        String wrong = right.equals("000000") ? "111111" : "000000";

        CashierPages.await(driver, "qp-bind-code").sendKeys(wrong);
        driver.findElement(By.id("qp-confirm")).click();

        assertThat(CashierPages.textContaining(driver, "messages", "code is not right")).contains("code is not right")
                .contains("Tries left: 2");
        assertThat(driver.findElements(By.id("qp-send-code"))).isEmpty();
        assertThat(CashierPages.pageState(driver, "CREATED")).isEqualTo("CREATED");
        assertThat(Simulator.record("quickpay", id).getInt("payRequests")).isZero();

        // the right code still binds, and the order is then paid once
        CashierPages.await(driver, "qp-bind-code").sendKeys(right);
        driver.findElement(By.id("qp-confirm")).click();
        payWithAgreement(driver);
        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        assertThat(Simulator.record("quickpay", id).getInt("charges")).isEqualTo(1);
    }
}
