package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the cashier's browser tests share: a CASHIER order, and reading a page that a form's answer replaces. */
final class CashierPages {

    static final Duration LIMIT = Duration.ofSeconds(40);

    private CashierPages() {
    }

    /** A CASHIER order of the demo merchant, created through the signed API. */
    static JsonObject cashierOrder(String prefix, long amount) {
        String body = Json.createObjectBuilder().add("merchantOrderNo", Payments.newOrderNo(prefix))
                .add("amount", amount).add("currency", "USD").add("subject", "Cashier test order")
                .add("paymentMethod", "CASHIER").build().toString();
        var created = Merchants.demo().post("/api/v1/payments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return TestMerchant.json(created);
    }

    /**
     * The page's order state once it is {@code expected}, or the last one seen after {@code LIMIT}.
     * A form's answer replaces the page: the state is read afresh each time, and an element of the
     * page being replaced (stale) is simply read again.
     */
    static String pageState(WebDriver driver, String expected) {
        String[] seen = {null};
        try {
            new WebDriverWait(driver, LIMIT).ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> expected.equals(seen[0] = d.findElement(By.id("state")).getAttribute("data-state")));
        } catch (TimeoutException e) {
            // the assertion on the value returned says what the page showed instead
        }
        return seen[0];
    }

    /** An element of the page once it is there. */
    static WebElement await(WebDriver driver, String id) {
        return new WebDriverWait(driver, LIMIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(d -> d.findElement(By.id(id)));
    }

    /**
     * The text of an element once it contains {@code expected}, read afresh each time: a form's
     * answer replaces the page, and an element of the page being replaced goes stale under the
     * reader (seen once in QuickPayIT). Gives the last text read when it never does, for the
     * assertion to show.
     */
    static String textContaining(WebDriver driver, String id, String expected) {
        try {
            return new WebDriverWait(driver, LIMIT).ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class).until(d -> {
                        String text = d.findElement(By.id(id)).getText();
                        return text.contains(expected) ? text : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return driver.findElements(By.id(id)).stream().map(WebElement::getText).findFirst().orElse("");
        }
    }

    /** An attribute of an element of the page once the element is there. */
    static String attribute(WebDriver driver, String id, String name) {
        return new WebDriverWait(driver, LIMIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(d -> d.findElement(By.id(id)).getAttribute(name));
    }
}
