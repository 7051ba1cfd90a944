package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A signed-in payer's saved methods at the cashier (headless Chromium): a card saved when it paid
 * pays the next order with only its security code typed again, a quick-pay agreement bound once pays
 * the next order with a code texted for it, each SUCCEEDED and charged once by the channel's own
 * record; "my payment methods" makes one the default and removes a card together with its vault row.
 */
class SavedMethodsIT {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void newSession() {
        browser.driver().manage().deleteAllCookies();
    }

    /** The signed-in payer's id, as the order of their attempt names it. */
    private static String payerOf(String orderId) {
        return Database.string("SELECT payer_id FROM payment_order WHERE id = ?", orderId);
    }

    private static void assertPaidOnce(String id, String channel) {
        assertThat(Payments.awaitFinal(Merchants.demo(), id, CashierPages.LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        JsonObject record = Simulator.record(channel, id);
        assertThat(record.getString("status")).isEqualTo("PAID");
        assertThat(record.getInt("charges")).isEqualTo(1);
    }

    @Test
    void aCardSavedWhenItPaidPaysTheNextOrderWithItsCodeTypedAgainAndRemovingItDeletesItsVaultEntry() {
        WebDriver driver = browser.driver();
        Payers.registerAndSignIn(driver);
        JsonObject first = CashierPages.cashierOrder("saved-card", 1500);
        driver.get(first.getString("cashierUrl"));
        CashierPages.await(driver, "card-number").sendKeys("4111111111111111");
        driver.findElement(By.id("card-expiry")).sendKeys("12/30");
        driver.findElement(By.id("card-cvv")).sendKeys("737");
        driver.findElement(By.id("save-card")).click();
        driver.findElement(By.id("pay")).click();
        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");

        // in the vault: sealed under the current key, with only brand, issuer and last four beside it
        String payer = payerOf(first.getString("id"));
        String token = Database.string("SELECT vault_token FROM payer_method WHERE payer_id = ? AND kind = 'CARD'", payer);
        assertThat(token).startsWith("cvt_");
        assertThat(Database.string("SELECT CONCAT(brand, '|', last4, '|', key_id, '|', LENGTH(iv)) FROM card_vault WHERE token = ?", token))
                .isEqualTo("Visa|1111|VK1|12");
        assertThat(Database.count("SELECT COUNT(*) FROM card_vault WHERE token = ? AND LOCATE('4111111111111111', ciphertext) = 0"
                + " AND LOCATE('111111', CAST(ciphertext AS CHAR CHARACTER SET latin1)) = 0", token)).isEqualTo(1);

        JsonObject second = CashierPages.cashierOrder("saved-card", 2500);
        String id = second.getString("id");
        driver.get(second.getString("cashierUrl"));
        assertThat(new Select(CashierPages.await(driver, "saved-card")).getFirstSelectedOption().getText()).contains("Visa •••• 1111");
        driver.findElement(By.id("saved-cvv")).sendKeys("737");
        browser.screenshot("cashier-saved-card");
        driver.findElement(By.id("pay-saved")).click();

        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        assertPaidOnce(id, "cardgw");
        assertThat(Database.string("SELECT instrument FROM payment_attempt WHERE order_id = ?", id)).isEqualTo("Visa •••• 1111");

        driver.get(Gateway.baseUrl() + "/cashier/methods.xhtml");
        browser.screenshot("payment-methods");
        CashierPages.await(driver, "methods").findElement(By.cssSelector("li[data-kind='CARD'] input.remove")).click();
        assertThat(CashierPages.textContaining(driver, "messages", "removed")).contains("removed");
        assertThat(Database.count("SELECT COUNT(*) FROM card_vault WHERE token = ?", token)).isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM payer_method WHERE payer_id = ?", payer)).isZero();
        assertThat(driver.findElement(By.id("none")).getText()).contains("no saved payment methods");
    }

    @Test
    void anAgreementBoundOncePaysTheNextOrderWithACodeTextedForItAndCanBeMadeTheDefault() {
        WebDriver driver = browser.driver();
        Payers.registerAndSignIn(driver);
        JsonObject first = CashierPages.cashierOrder("saved-quickpay", 1800);
        driver.get(first.getString("cashierUrl"));
        QuickPayIT.bindAndPay(driver, "5555555555554444");
        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        String payer = payerOf(first.getString("id"));
        assertThat(Database.count("SELECT COUNT(*) FROM payer_method WHERE payer_id = ? AND kind = 'QUICK_PAY'", payer)).isEqualTo(1);

        JsonObject second = CashierPages.cashierOrder("saved-quickpay", 2800);
        String id = second.getString("id");
        driver.get(second.getString("cashierUrl"));
        assertThat(new Select(CashierPages.await(driver, "qp-agreement")).getFirstSelectedOption().getText())
                .contains("Mastercard •••• 4444");
        QuickPayIT.payWithAgreement(driver);

        assertThat(CashierPages.pageState(driver, "SUCCEEDED")).isEqualTo("SUCCEEDED");
        assertPaidOnce(id, "quickpay");
        assertThat(Database.count("SELECT COUNT(*) FROM card_vault v JOIN payer_method m ON m.vault_token = v.token"
                + " WHERE m.payer_id = ?", payer)).as("quick pay keeps no card").isZero();

        driver.get(Gateway.baseUrl() + "/cashier/methods.xhtml");
        assertThat(CashierPages.await(driver, "methods").findElement(By.cssSelector("li[data-kind='QUICK_PAY']")).getText())
                .contains("Mastercard •••• 4444").contains("Default");
    }

    @Test
    void aGuestSeesNoSavedMethodsAndTheMethodsPageAsksToSignIn() {
        WebDriver driver = browser.driver();
        JsonObject order = CashierPages.cashierOrder("saved-guest", 900);
        driver.get(order.getString("cashierUrl"));
        CashierPages.await(driver, "card-number");
        assertThat(driver.findElements(By.id("saved-card"))).isEmpty();
        assertThat(driver.findElements(By.id("save-card"))).isEmpty();

        driver.get(Gateway.baseUrl() + "/cashier/methods.xhtml");
        assertThat(CashierPages.await(driver, "sign-in").getText()).contains("Sign in");
        assertThat(driver.findElements(By.id("methods"))).isEmpty();
    }
}
