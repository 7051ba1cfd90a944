package io.payrail.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.channel.ChannelConnector;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelRegistry;
import io.payrail.channel.PaymentDispatcher;
import io.payrail.common.ErrorCode;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.application.CreatePaymentCommand;
import io.payrail.order.application.CreatePaymentResult;
import io.payrail.order.application.PaymentIntake;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.refund.CreateRefundCommand;
import io.payrail.refund.RefundIntake;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundView;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The channel side against the real database and the channel simulator over HTTP: outcomes are
 * recorded once, a repeated or redelivered request changes nothing, and a payer is never charged
 * twice for one order.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentProcessingIT {

    private static final String MERCHANT = "MIT-PROCESSING";

    @Deployment
    static WebArchive deployment() {
        return ItDeployment.archive("processing-it");
    }

    @Inject
    private PaymentIntake intake;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private PaymentDispatcher dispatcher;

    @Inject
    private ChannelRegistry channels;

    @Inject
    private ItFixtures fixtures;

    @Inject
    private RefundIntake refundIntake;

    @Inject
    private RefundService refunds;

    @PersistenceUnit(unitName = "payrail")
    private EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void merchant() {
        fixtures.ensureMerchant(MERCHANT);
    }

    @Test
    void anApprovedPaymentSucceedsAndBooksOneBalancedEntry() {
        String orderId = create(1999).order().id();

        PaymentOrderView done = dispatchAndRead(orderId);

        assertThat(done.state()).isEqualTo(PaymentOrderState.SUCCEEDED);
        assertThat(done.channelId()).isEqualTo("SIMBANK");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(fixtures.journalEntries(orderId)).isEqualTo(1);
        assertThat(fixtures.postingSum(orderId)).isZero();
        assertThat(fixtures.transitions(orderId)).containsExactly("null>CREATED@API",
                "CREATED>PROCESSING@DISPATCH", "PROCESSING>SUCCEEDED@CHANNEL_RESPONSE");
        assertThat(charges(orderId)).isEqualTo(1);
    }

    @Test
    void aRedeliveredChannelRequestChangesNothing() {
        String orderId = create(2999).order().id();
        PaymentOrderView first = dispatchAndRead(orderId);
        long auditRows = fixtures.auditRows(orderId);
        JsonObject bankRecord = SimulatorClient.charges(orderId);

        // the same message again, as a broker redelivery or a duplicate publish would bring it
        Optional<?> second = dispatcher.dispatch(orderId);

        assertThat(second).as("nothing is left to submit").isEmpty();
        PaymentOrderView now = orders.find(orderId).orElseThrow();
        assertThat(now.state()).isEqualTo(PaymentOrderState.SUCCEEDED);
        assertThat(now.version()).isEqualTo(first.version());
        assertThat(fixtures.auditRows(orderId)).isEqualTo(auditRows);
        assertThat(fixtures.journalEntries(orderId)).isEqualTo(1);
        assertThat(SimulatorClient.charges(orderId)).as("the bank was not even asked again").isEqualTo(bankRecord);
    }

    @Test
    void aResubmissionAfterACrashDoesNotChargeTwice() {
        String orderId = create(3999).order().id();
        // the server marked the order PROCESSING and the bank charged it, then the server died
        // before recording the answer: the message was never acknowledged and comes back
        ChannelSubmission submission = orders.startProcessing(orderId).orElseThrow();
        assertThat(orders.assignChannel(orderId, "SIMBANK")).isPositive();
        ChannelConnector bank = channels.connector("SIMBANK").orElseThrow();
        assertThat(bank.pay(submission).status()).isEqualTo(ChannelOutcome.Status.SUCCEEDED);

        PaymentOrderView done = dispatchAndRead(orderId);

        assertThat(done.state()).isEqualTo(PaymentOrderState.SUCCEEDED);
        JsonObject bankRecord = SimulatorClient.charges(orderId);
        assertThat(bankRecord.getInt("requests")).isEqualTo(2);
        assertThat(bankRecord.getInt("charges")).as("the bank dedupes by order id").isEqualTo(1);
        assertThat(fixtures.journalEntries(orderId)).isEqualTo(1);
    }

    @Test
    void aDeclinedPaymentFailsAndBooksNothing() {
        String orderId = create(1013).order().id();

        PaymentOrderView done = dispatchAndRead(orderId);

        assertThat(done.state()).isEqualTo(PaymentOrderState.FAILED);
        assertThat(done.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(fixtures.journalEntries(orderId)).isZero();
        assertThat(charges(orderId)).isZero();
    }

    @Test
    void anUnknownOutcomeKeepsTheOrderWithItsChannelUntilAQueryResolvesIt() {
        String orderId = create(4999).order().id();
        SimulatorClient.failNext(orderId, 1, 500);

        dispatcher.dispatch(orderId);

        PaymentOrderView unknown = orders.find(orderId).orElseThrow();
        assertThat(unknown.state()).isEqualTo(PaymentOrderState.PROCESSING);
        assertThat(unknown.channelId()).as("no failover after an unknown answer").isEqualTo("SIMBANK");
        assertThat(charges(orderId)).isZero();

        // the resolver's timer queries SIMBANK (it never processed the 500), then submits again
        PaymentOrderView done = awaitFinal(orderId);

        assertThat(done.state()).isEqualTo(PaymentOrderState.SUCCEEDED);
        assertThat(done.channelId()).isEqualTo("SIMBANK");
        assertThat(charges(orderId)).isEqualTo(1);
        assertThat(fixtures.journalEntries(orderId)).isEqualTo(1);
    }

    @Test
    void aCreatedOrderIsClosedAtOnceAndNeverSubmitted() {
        String orderId = create(5999).order().id();

        PaymentOrderView closed = orders.close("MIT-PROCESSING", orderId, io.payrail.audit.TransitionSource.API);

        assertThat(closed.state()).isEqualTo(PaymentOrderState.CLOSED);
        assertThat(dispatcher.dispatch(orderId)).as("the queued channel request finds it closed").isEmpty();
        assertThat(SimulatorClient.charges(orderId).getInt("requests")).isZero();
        assertThat(fixtures.transitions(orderId)).containsExactly("null>CREATED@API", "CREATED>CLOSED@API");
    }

    @Test
    void aCloseThatBeganAtOneBankFencesTheOrderFromEveryOtherBank() {
        // the race a reviewer found: the router holds SIMBANK and its pay is in flight when the
        // merchant closes; SIMBANK then refuses the pay (503) and the router would try SIMBANK2
        String orderId = create(6999).order().id();
        orders.startProcessing(orderId).orElseThrow();
        int attempt = orders.assignChannel(orderId, "SIMBANK");
        assertThat(attempt).isPositive();
        assertThat(orders.assignChannel(orderId, "SIMBANK2")).as("one channel at a time").isZero();

        assertThat(orders.beginClose(orderId, io.payrail.audit.TransitionSource.API, "closed by the merchant"))
                .contains("SIMBANK");
        orders.releaseChannel(orderId, "SIMBANK", attempt);
        assertThat(orders.assignChannel(orderId, "SIMBANK2")).as("the close fence").isZero();
        PaymentOrderView closed = orders.recordClosedAt(orderId, "SIMBANK", io.payrail.audit.TransitionSource.API,
                "closed by the merchant (closed at SIMBANK)");

        assertThat(closed.state()).isEqualTo(PaymentOrderState.CLOSED);
        assertThat(SimulatorClient.charges(orderId).getInt("requests")).isZero();
    }

    /**
     * Finding: a dispatch refused by SIMBANK (503) released it while a concurrent dispatch (a
     * redelivery) that had read "held by SIMBANK" was paying there; the first then paid at SIMBANK2:
     * charged twice. Now the second dispatch takes a new attempt at SIMBANK, the first may no longer
     * release it, and only SIMBANK charges.
     */
    @Test
    void aRefusedDispatchCannotFailOverWhileAnotherAsksTheSameBankAgain() throws Exception {
        String orderId = create(7999).order().id();
        // every SIMBANK answer takes 3 s; the first pay request for this order is refused (503)
        SimulatorClient.configure("{\"latencyMs\":3000,\"failStatus\":503,\"failRefs\":{\"" + orderId + "\":1}}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> dispatcher.dispatch(orderId));
            // the first holds SIMBANK and waits for its refusal; the redelivery comes meanwhile
            Thread.sleep(1_000);
            Future<?> redelivery = pool.submit(() -> dispatcher.dispatch(orderId));
            first.get();
            redelivery.get();
        } finally {
            pool.shutdownNow();
            SimulatorClient.reset();
        }

        PaymentOrderView done = awaitFinal(orderId);

        assertThat(done.state()).isEqualTo(PaymentOrderState.SUCCEEDED);
        assertThat(done.channelId()).isEqualTo("SIMBANK");
        assertThat(charges(orderId)).isEqualTo(1);
        assertThat(SimulatorClient.bank2Charges(orderId).getInt("requests")).as("never sent to SIMBANK2").isZero();
        assertThat(fixtures.journalEntries(orderId)).isEqualTo(1);
    }

    /**
     * Finding: a refund whose message never reached the dispatcher (dead-lettered) had no check
     * and stayed PENDING forever with its amount committed. It gets a safety-net check when it is
     * created; here no MDB runs, so only the resolver can take it to the bank.
     */
    @Test
    void aRefundWhoseMessageNeverArrivesIsStillTakenToTheBank() {
        String orderId = create(8999).order().id();
        assertThat(dispatchAndRead(orderId).state()).isEqualTo(PaymentOrderState.SUCCEEDED);

        RefundView refund = refundIntake.create(new CreateRefundCommand(MERCHANT, orderId, "r-" + UUID.randomUUID(),
                3000, "safety net")).refund();

        long deadline = System.currentTimeMillis() + 30_000;
        RefundView now = refund;
        while (now.state() == io.payrail.refund.RefundState.PENDING && System.currentTimeMillis() < deadline) {
            sleep(250);
            now = refunds.find(MERCHANT, refund.id()).orElseThrow();
        }
        assertThat(now.state()).isEqualTo(io.payrail.refund.RefundState.SUCCEEDED);
        assertThat(SimulatorClient.charges(orderId).getInt("refunded")).isEqualTo(3000);
        assertThat(orders.find(orderId).orElseThrow().state()).isEqualTo(PaymentOrderState.PARTIALLY_REFUNDED);
    }

    @Test
    void concurrentCreatesWithOneMerchantOrderNumberMakeOneOrder() throws Exception {
        String number = "race-" + UUID.randomUUID();
        CreatePaymentCommand command = command(number, 5000);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<CreatePaymentResult>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> intake.create(command));
            }
            List<CreatePaymentResult> results = new ArrayList<>();
            for (Future<CreatePaymentResult> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            Set<String> ids = results.stream().map(r -> r.order().id()).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(results.stream().filter(CreatePaymentResult::created).count()).isEqualTo(1);
            assertThat(fixtures.ordersNumbered(MERCHANT, number)).isEqualTo(1);
            assertThat(fixtures.outboxRowsFor(ids.iterator().next())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMerchantOrderNumberReusedForAnotherPaymentIsRefused() {
        String number = "reuse-" + UUID.randomUUID();
        intake.create(command(number, 700));

        assertThat(intake.create(command(number, 700)).created()).isFalse();
        assertThatThrownBy(() -> intake.create(command(number, 701)))
                .isInstanceOfSatisfying(PayrailException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MERCHANT_ORDER_NO_CONFLICT));
        assertThat(fixtures.ordersNumbered(MERCHANT, number)).isEqualTo(1);
    }

    @Test
    void theSchemaIsFlywaysAndMatchesTheMappings() {
        assertThat(fixtures.appliedMigrations()).startsWith("1");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    private PaymentOrderView dispatchAndRead(String orderId) {
        dispatcher.dispatch(orderId).orElseThrow();
        return orders.find(orderId).orElseThrow();
    }

    private PaymentOrderView awaitFinal(String orderId) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            PaymentOrderView order = orders.find(orderId).orElseThrow();
            if (order.state() != PaymentOrderState.PROCESSING || System.currentTimeMillis() > deadline) {
                return order;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return order;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CreatePaymentResult create(long amount) {
        return intake.create(command("it-" + UUID.randomUUID(), amount));
    }

    private static CreatePaymentCommand command(String number, long amount) {
        return new CreatePaymentCommand(MERCHANT, number, Money.ofMinor(amount, "USD"), "processing test",
                PaymentMethod.BANK_CARD);
    }

    private static int charges(String orderId) {
        return SimulatorClient.charges(orderId).getInt("charges");
    }
}
