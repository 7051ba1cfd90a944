package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back office in headless Chromium, signed in as the test profile's staff (one role each):
 * what a role may do works end to end on the running platform and leaves exactly one audit row;
 * what it may not is neither shown nor accepted when the request is crafted by hand (a direct
 * POST with the page's own view state, or the URL of a page of another role). Lock-out, TOTP, the
 * forced password change, plain HTTP. Screenshots of the pages with this run's data go to
 * {@value Browser#SCREENSHOTS}.
 */
class BackOfficeIT {

    @Test
    void operationsSuspendsAMerchantWhoseNextSignedCallGets403() {
        TestMerchant merchant = Merchants.fresh("BOSUSP", 600);
        assertThat(merchant.post("/api/v1/payments", Payments.body(Payments.newOrderNo("before"), 1200)).status())
                .isEqualTo(201);
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.OPERATIONS), Staff.password(Staff.id(Staff.OPERATIONS)), null);
            open(browser, "/admin/merchants.xhtml");
            browser.screenshot("merchants");
            submit(browser, merchantRow(browser, merchant.id()).findElement(By.xpath(".//input[contains(@id, ':suspend')]")));

            assertThat(messages(browser)).contains(merchant.id()).contains("MERCHANT_SUSPENDED");
            assertThat(merchantRow(browser, merchant.id()).findElement(By.className("status")).getText())
                    .isEqualTo("SUSPENDED");
        }
        PayrailResponse refused = merchant.post("/api/v1/payments", Payments.body(Payments.newOrderNo("after"), 1200));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("MERCHANT_SUSPENDED");
        assertThat(StaffApiIT.auditRows("MERCHANT_SUSPENDED", merchant.id())).isEqualTo(1);
        assertThat(Database.string("SELECT staff_id FROM staff_audit WHERE action = 'MERCHANT_SUSPENDED' AND target = ?",
                merchant.id())).isEqualTo(Staff.id(Staff.OPERATIONS));
    }

    @Test
    void supportCannotSuspendNeitherInThePageNorByACraftedPostNorOpenStaffPages() {
        TestMerchant merchant = Merchants.fresh("BOSUPP", 600);
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.SUPPORT), Staff.password(Staff.id(Staff.SUPPORT)), null);
            open(browser, "/admin/merchants.xhtml");
            WebElement row = merchantRow(browser, merchant.id());
            assertThat(row.findElements(By.xpath(".//input[contains(@id, ':suspend')]"))).isEmpty();

            // the POST the suspend button would send, with this page's own view state
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.getElementById('merchants');
                    const rows = Array.from(form.querySelectorAll('tbody tr'));
                    const index = rows.findIndex(r => r.querySelector('.merchant-id').textContent === arguments[0]);
                    const data = new URLSearchParams(new FormData(form));
                    data.append('merchants:rows:' + index + ':suspend', 'Suspend');
                    fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})
                        .then(r => done(r.status), e => done(String(e)));
                    """, merchant.id());
            assertThat(status).isEqualTo(200L);
            assertThat(fetchStatus(browser, "/admin/staff.xhtml")).isEqualTo(403L);
            assertThat(fetchStatus(browser, "/admin/audit.xhtml")).isEqualTo(403L);
        }
        assertThat(Database.string("SELECT status FROM merchant WHERE id = ?", merchant.id())).isEqualTo("ACTIVE");
        assertThat(StaffApiIT.auditRows("MERCHANT_SUSPENDED", merchant.id())).isZero();
        assertThat(merchant.post("/api/v1/payments", Payments.body(Payments.newOrderNo("still"), 1200)).status())
                .isEqualTo(201);
    }

    @Test
    void supportResendsANotificationThatTheMerchantReceivesAgainWithTheSameEventId() throws IOException {
        List<String> eventIds = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            eventIds.add(Json.createReader(new StringReader(body)).readObject().getString("eventId"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            TestMerchant merchant = Merchants.fresh("BONOTE", 600,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify");
            String order = merchant.pay(Payments.newOrderNo("resend"), 3100);
            Await.until("the first notification", Duration.ofSeconds(30), () -> eventIds.size() >= 1);
            String eventId = eventIds.get(0);
            Await.until("its delivery recorded", Duration.ofSeconds(30), () -> "DELIVERED".equals(
                    Database.string("SELECT state FROM notification WHERE id = ?", eventId)));

            try (Browser browser = Browser.open()) {
                signIn(browser, Staff.id(Staff.SUPPORT), Staff.password(Staff.id(Staff.SUPPORT)), null);
                open(browser, "/admin/notifications.xhtml");
                browser.driver().findElement(By.id("notifications:merchant")).sendKeys(merchant.id());
                submit(browser, browser.driver().findElement(By.id("notifications:search")));
                submit(browser, browser.driver().findElement(By.xpath("//tr[.//span[@class='event-id' and text()='" + eventId
                        + "']]//input[contains(@id, ':resend')]")));
                assertThat(messages(browser)).contains(eventId);
                browser.screenshot("notifications");

                open(browser, "/admin/payments.xhtml");
                browser.driver().findElement(By.id("payments:id")).sendKeys(order);
                submit(browser, browser.driver().findElement(By.id("payments:search")));
                submit(browser, browser.driver().findElement(By.xpath("//input[contains(@id, ':detail')]")));
                assertThat(browser.driver().findElement(By.id("payments:transitions")).getText()).contains("SUCCEEDED");
                assertThat(browser.driver().findElement(By.id("payments:postings")).getText()).contains(merchant.id());
                browser.screenshot("payment-detail");
            }
            Await.until("the notification again", Duration.ofSeconds(30), () -> eventIds.size() >= 2);
            assertThat(eventIds).hasSize(2).containsOnly(eventId);
            assertThat(StaffApiIT.auditRows("NOTIFICATION_RESENT", eventId)).isEqualTo(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void financeApprovesARefundAnotherMemberProposedAndTheBankRefundsIt() {
        TestMerchant merchant = Merchants.fresh("BOREF", 600);
        String order = merchant.pay(Payments.newOrderNo("refund"), 25_000);
        Payments.awaitFinal(merchant, order, Duration.ofSeconds(30));
        String own = merchant.pay(Payments.newOrderNo("own"), 30_000);
        Payments.awaitFinal(merchant, own, Duration.ofSeconds(30));

        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.OPERATIONS), Staff.password(Staff.id(Staff.OPERATIONS)), null);
            proposeRefund(browser, order, "20000");
            assertThat(messages(browser)).contains("proposed");
            browser.screenshot("refund-proposed");
            open(browser, "/admin/refunds.xhtml");
            assertThat(refundRow(browser, order).findElements(By.xpath(".//input[contains(@id, ':approve')]"))).isEmpty();
        }
        assertThat(Database.string("SELECT state FROM staff_refund WHERE payment_order_id = ?", order)).isEqualTo("PROPOSED");
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE payment_order_id = ?", order)).isZero();

        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.FINANCE), Staff.password(Staff.id(Staff.FINANCE)), null);
            open(browser, "/admin/refunds.xhtml");
            submit(browser, refundRow(browser, order).findElement(By.xpath(".//input[contains(@id, ':approve')]")));
            assertThat(messages(browser)).contains("approved");
            assertThat(refundRow(browser, order).findElement(By.className("state")).getText()).isEqualTo("ISSUED");
            browser.screenshot("refund-approvals");

            // the maker may not be the checker: FINANCE's own proposal waits for someone else
            proposeRefund(browser, own, "15000");
            open(browser, "/admin/refunds.xhtml");
            submit(browser, refundRow(browser, own).findElement(By.xpath(".//input[contains(@id, ':approve')]")));
            assertThat(messages(browser)).contains("SELF_APPROVAL_FORBIDDEN");
        }
        Await.until("the bank's refund", Duration.ofSeconds(30),
                () -> Simulator.charges(order).getInt("refunded", 0) == 20_000);
        assertThat(StaffApiIT.auditRows("REFUND_PROPOSED", order)).isEqualTo(1);
        assertThat(StaffApiIT.auditRows("REFUND_APPROVED", order)).isEqualTo(1);
        assertThat(Database.string("SELECT state FROM staff_refund WHERE payment_order_id = ?", own)).isEqualTo("PROPOSED");
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE payment_order_id = ?", own)).isZero();
        assertThat(StaffApiIT.auditRows("REFUND_APPROVED", own)).isZero();
    }

    @Test
    void theDashboardAndTheAuditLogShowThisRunsData() {
        TestMerchant demo = Merchants.demo();
        String order = demo.pay(Payments.newOrderNo("dash"), 4200);
        Payments.awaitFinal(demo, order, Duration.ofSeconds(30));
        TestMerchant merchant = Merchants.fresh("BOAUDIT", 600);
        Staff.as(Staff.OPERATIONS, "POST", "/merchants/" + merchant.id() + "/suspend", null, 200);
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.AUDITOR), Staff.password(Staff.id(Staff.AUDITOR)), null);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/dashboard.xhtml");
            assertThat(browser.driver().findElement(By.id("total")).getText()).doesNotEndWith(": 0");
            assertThat(browser.driver().findElements(By.tagName("canvas"))).hasSize(3);
            assertThat(browser.driver().findElement(By.id("by-method")).getText()).contains("BANK_CARD");
            browser.screenshot("dashboard");

            open(browser, "/admin/audit.xhtml");
            browser.driver().findElement(By.id("audit:target")).sendKeys(merchant.id());
            submit(browser, browser.driver().findElement(By.id("audit:search")));
            String log = browser.driver().findElement(By.id("audit:rows")).getText();
            assertThat(log).contains("MERCHANT_SUSPENDED").contains(Staff.id(Staff.OPERATIONS));
            browser.screenshot("audit-log");

            open(browser, "/admin/merchants.xhtml");
            assertThat(merchantRow(browser, merchant.id()).findElements(By.tagName("input"))).isEmpty();
        }
    }

    @Test
    void financeReadsAMerchantsDayInTheStatistics() {
        UtcDays.today(Duration.ofMinutes(2)); // the page shows today's figures
        TestMerchant merchant = Merchants.fresh("BOSTATS", 600);
        for (long amount : new long[] {2_500, 1_513}) { // the simulator declines xx13
            Payments.awaitFinal(merchant, merchant.pay(Payments.newOrderNo("bostats"), amount), Duration.ofSeconds(30));
        }
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.FINANCE), Staff.password(Staff.id(Staff.FINANCE)), null);
            open(browser, "/admin/statistics.xhtml");
            browser.driver().findElement(By.id("statistics:merchant")).sendKeys(merchant.id());
            submit(browser, browser.driver().findElement(By.id("statistics:search")));
            WebElement row = browser.driver().findElement(By.xpath("//table[@id='statistics:rows']//tr[td[contains(text(), '"
                    + merchant.id() + "')]]"));
            assertThat(row.findElement(By.className("payments")).getText()).isEqualTo("2");
            assertThat(row.findElement(By.className("paid")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.className("failed")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.className("success-rate")).getText()).isEqualTo("50.0 %");
            assertThat(row.findElement(By.className("volume")).getText()).isEqualTo("2500");
            browser.screenshot("statistics");
        }
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.SUPPORT), Staff.password(Staff.id(Staff.SUPPORT)), null);
            assertThat(fetchStatus(browser, "/admin/statistics.xhtml")).as("SUPPORT may not open it").isEqualTo(403L);
        }
    }

    @Test
    void operationsSwitchesAChannelOffAndNewPaymentsGoToTheNextOne() {
        TestMerchant merchant = Merchants.fresh("BOCHAN", 600);
        long auditBefore = Database.count("SELECT COALESCE(MAX(id), 0) FROM staff_audit");
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.OPERATIONS), Staff.password(Staff.id(Staff.OPERATIONS)), null);
            open(browser, "/admin/channels.xhtml");
            submit(browser, channelRow(browser, "SIMBANK").findElement(By.xpath(".//input[contains(@id, ':disable')]")));
            assertThat(messages(browser)).contains("SIMBANK");
            assertThat(channelRow(browser, "SIMBANK").findElement(By.className("state")).getText()).isEqualTo("switched off");
            browser.screenshot("channels");

            String order = merchant.pay(Payments.newOrderNo("switched"), 1500);
            Payments.awaitFinal(merchant, order, Duration.ofSeconds(30));
            assertThat(Database.string("SELECT channel_id FROM payment_order WHERE id = ?", order)).isEqualTo("SIMBANK2");

            submit(browser, channelRow(browser, "SIMBANK").findElement(By.xpath(".//input[contains(@id, ':enable')]")));
            String again = merchant.pay(Payments.newOrderNo("back"), 1500);
            Payments.awaitFinal(merchant, again, Duration.ofSeconds(30));
            assertThat(Database.string("SELECT channel_id FROM payment_order WHERE id = ?", again)).isEqualTo("SIMBANK");
        } finally {
            // whatever happened above, the other tests find SIMBANK on
            Database.update("DELETE FROM channel_switch WHERE channel_id = 'SIMBANK'");
        }
        assertThat(Database.count("SELECT COUNT(*) FROM staff_audit WHERE target = 'SIMBANK' AND action = ?"
                + " AND id > ?", "CHANNEL_DISABLED", auditBefore)).isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM staff_audit WHERE target = 'SIMBANK' AND action = ?"
                + " AND id > ?", "CHANNEL_ENABLED", auditBefore)).isEqualTo(1);
    }

    @Test
    void operationsRedrivesADeadLetterBackToItsQueueWhereItChangesNothingTwice() throws Exception {
        TestMerchant merchant = Merchants.fresh("BODLQ", 600);
        String order = merchant.pay(Payments.newOrderNo("dlq"), 1700);
        Payments.awaitFinal(merchant, order, Duration.ofSeconds(30));
        String body = "{\"orderId\":\"" + order + "\"}";
        putOnDeadLetterQueue(body);

        String messageId;
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.OPERATIONS), Staff.password(Staff.id(Staff.OPERATIONS)), null);
            open(browser, "/admin/dlq.xhtml");
            WebElement row = browser.driver().findElement(By.xpath("//tr[.//code[@class='body' and text()='" + body + "']]"));
            messageId = row.findElement(By.className("message-id")).getText();
            assertThat(row.getText()).contains("payrail.channel.request");
            browser.screenshot("dead-letters");
            submit(browser, row.findElement(By.xpath(".//input[contains(@id, ':redrive')]")));
            assertThat(messages(browser)).contains(messageId);
            assertThat(browser.driver().findElements(By.xpath("//tr[.//code[@class='body' and text()='" + body + "']]")))
                    .isEmpty();
        }
        assertThat(StaffApiIT.auditRows("DLQ_REDRIVEN", messageId)).isEqualTo(1);
        // the re-driven request reached the dispatcher, which found the order final: still one charge
        Thread.sleep(2_000);
        assertThat(Database.state(order)).isEqualTo("SUCCEEDED");
        assertThat(Simulator.charges(order).getInt("charges")).isEqualTo(1);
    }

    /** A message as the broker leaves it after ten failed deliveries, through the Artemis CLI. */
    private static void putOnDeadLetterQueue(String body) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(System.getProperty("payrail.systest.artemis"), "producer",
                "--url", System.getProperty("payrail.systest.brokerUrl"),
                "--user", System.getProperty("payrail.systest.brokerUser"),
                "--password", System.getProperty("payrail.systest.brokerPassword"),
                "--destination", "queue://DLQ", "--message-count", "1", "--message", body,
                "--properties", "[{\"type\":\"string\",\"key\":\"_AMQ_ORIG_ADDRESS\",\"value\":\"payrail.channel.request\"}]")
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor()).as(output).isZero();
    }

    @Test
    void adminCreatesStaffWithRolesWhileOperationsMayNotOpenTheStaffPage() {
        String id = "bo-made-" + StaffApiIT.suffix();
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.ADMIN), Staff.password(Staff.id(Staff.ADMIN)), null);
            open(browser, "/admin/staff.xhtml");
            browser.driver().findElement(By.id("staff:newId")).sendKeys(id);
            browser.driver().findElement(By.id("staff:newName")).sendKeys("Made in the page");
            browser.driver().findElement(By.xpath("//input[@type='checkbox' and @value='SUPPORT']")).click();
            submit(browser, browser.driver().findElement(By.id("staff:create")));
            assertThat(messages(browser)).contains(id);
            assertThat(browser.driver().findElement(By.id("staff:rows")).getText()).contains(id).contains("SUPPORT");
            browser.screenshot("staff");
        }
        assertThat(StaffApiIT.auditRows("STAFF_CREATED", id)).isEqualTo(1);
        assertThat(Database.string("SELECT roles FROM staff_account WHERE id = ?", id)).isEqualTo("SUPPORT");
        try (Browser browser = Browser.open()) {
            signIn(browser, Staff.id(Staff.OPERATIONS), Staff.password(Staff.id(Staff.OPERATIONS)), null);
            assertThat(browser.driver().findElements(By.id("nav-staff"))).isEmpty();
            assertThat(fetchStatus(browser, "/admin/staff.xhtml")).isEqualTo(403L);
        }
    }

    @Test
    void aOneTimePasswordLeadsToThePasswordPageFirst() {
        String id = "bo-new-" + StaffApiIT.suffix();
        String oneTime = Staff.as(Staff.ADMIN, "POST", "/staff", StaffApiIT.staffBody(id, "SUPPORT"), 201).json()
                .getString("oneTimePassword");
        try (Browser browser = Browser.open()) {
            signIn(browser, id, oneTime, null);
            open(browser, "/admin/merchants.xhtml");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/password.xhtml");
            browser.driver().findElement(By.id("current")).sendKeys(oneTime);
            browser.driver().findElement(By.id("next")).sendKeys("my-own-long-password");
            browser.driver().findElement(By.id("repeat")).sendKeys("my-own-long-password");
            submit(browser, browser.driver().findElement(By.id("change")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/dashboard.xhtml");
        }
        assertThat(StaffApiIT.auditRows("PASSWORD_CHANGED", id)).isEqualTo(1);
        assertThat(Staff.requestToken(id, "my-own-long-password", null).status()).isEqualTo(201);
    }

    @Test
    void repeatedFailedSignInsLockTheAccount() {
        String id = "bo-lock-" + StaffApiIT.suffix();
        String password = StaffApiIT.readyMember(id, "AUDITOR");
        int maxFailures = Integer.getInteger("payrail.systest.lockoutFailures", 5);
        try (Browser browser = Browser.open()) {
            for (int i = 1; i < maxFailures; i++) {
                signIn(browser, id, "wrong-" + i, null);
                assertThat(messages(browser)).contains("wrong");
            }
            signIn(browser, id, "wrong-last", null);
            assertThat(messages(browser)).contains("locked");
            signIn(browser, id, password, null);
            assertThat(messages(browser)).contains("locked");
            assertThat(browser.driver().getCurrentUrl()).contains("/admin/login.xhtml");
            browser.screenshot("login-locked");
        }
    }

    @Test
    void anOverlongStaffIdIsAnOrdinaryFailedSignIn() {
        String typed = "x".repeat(300);
        try (Browser browser = Browser.open()) {
            signIn(browser, typed, "whatever-it-is", null);
            assertThat(messages(browser)).contains("wrong");
        }
        assertThat(Database.count("SELECT COUNT(*) FROM staff_audit WHERE action = 'LOGIN_FAILED' AND staff_id = ?",
                "x".repeat(29) + "...")).isPositive();
    }

    @Test
    void withTotpTheCodeIsNeededToSignIn() {
        String id = "bo-totp-" + StaffApiIT.suffix();
        String password = StaffApiIT.readyMember(id, "AUDITOR");
        String secret = Staff.as(Staff.ADMIN, "POST", "/staff/" + id + "/totp", null, 200).json().getString("totpSecret");
        try (Browser browser = Browser.open()) {
            signIn(browser, id, password, null);
            assertThat(messages(browser)).contains("six-digit");
            signIn(browser, id, password, Totp.now(secret));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/dashboard.xhtml");
        }
    }

    @Test
    void plainHttpIsRefusedAndNothingIsServedWithoutSignIn() {
        Gateway.Answer plain = Gateway.get(Gateway.plainHttpUrl() + "/admin/login.xhtml", Map.of());
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.body()).contains("HTTPS");
        Gateway.Answer anonymous = Gateway.get("/admin/merchants.xhtml");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.raw().headers().firstValue("Location").orElse("")).contains("/admin/login.xhtml");
    }

    private static void signIn(Browser browser, String staffId, String password, String totp) {
        WebDriver driver = browser.driver();
        driver.get(Gateway.baseUrl() + "/admin/login.xhtml");
        // the sign-in form, once the page (or the one signing out led to) has finished loading
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.id("staffId"))).sendKeys(staffId);
        driver.findElement(By.id("password")).sendKeys(password);
        if (totp != null) {
            driver.findElement(By.id("totp")).sendKeys(totp);
        }
        submit(browser, driver.findElement(By.id("signin")));
    }

    /** Clicks a submit button and waits for the page it leads to (the button's page gone). */
    private static void submit(Browser browser, WebElement button) {
        button.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or (Chromium) "node does not belong to the document": the new page is there
                return true;
            }
        });
    }

    private static void open(Browser browser, String path) {
        browser.driver().get(Gateway.baseUrl() + path);
    }

    private static void proposeRefund(Browser browser, String order, String amount) {
        open(browser, "/admin/payments.xhtml");
        browser.driver().findElement(By.id("payments:id")).sendKeys(order);
        submit(browser, browser.driver().findElement(By.id("payments:search")));
        submit(browser, browser.driver().findElement(By.xpath("//input[contains(@id, ':detail')]")));
        browser.driver().findElement(By.id("payments:refund-amount")).sendKeys(amount);
        browser.driver().findElement(By.id("payments:refund-reason")).sendKeys("goods returned");
        submit(browser, browser.driver().findElement(By.id("payments:refund")));
    }

    private static WebElement refundRow(Browser browser, String order) {
        return browser.driver().findElement(By.xpath("//tr[td[contains(text(), '" + order + "')]]"));
    }

    private static WebElement channelRow(Browser browser, String channelId) {
        return browser.driver().findElement(By.xpath("//tr[.//span[@class='channel-id' and text()='" + channelId + "']]"));
    }

    private static WebElement merchantRow(Browser browser, String merchantId) {
        return browser.driver().findElement(By.xpath("//tr[.//span[@class='merchant-id' and text()='" + merchantId + "']]"));
    }

    private static String messages(Browser browser) {
        List<WebElement> list = browser.driver().findElements(By.id("messages"));
        return list.isEmpty() ? "" : list.get(0).getText();
    }

    private static Object fetchStatus(Browser browser, String path) {
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'}).then(r => done(r.status), e => done(String(e)));
                """, path);
    }
}
