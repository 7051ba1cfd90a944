package io.payrail.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Ids;
import io.payrail.common.Money;
import io.payrail.order.application.CreatePaymentCommand;
import io.payrail.order.application.CreatePaymentResult;
import io.payrail.order.application.PaymentIntake;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.outbox.OutboxPublisher;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox against the real MySQL and broker: a commit yields the row and the message; a
 * rollback yields neither; a row a crash left behind is published by the sweeper; a row
 * published twice reaches the queue once.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    private static final String MERCHANT = "MIT-OUTBOX";

    @Deployment
    static WebArchive deployment() {
        return ItDeployment.archive("outbox-it");
    }

    @Inject
    private PaymentIntake intake;

    @Inject
    private ItFixtures fixtures;

    @Inject
    private OutboxPublisher publisher;

    @Resource(lookup = "jms/payrail/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/payrail/ChannelRequestQueue")
    private Queue channelRequests;

    @BeforeEach
    void merchant() {
        fixtures.ensureMerchant(MERCHANT);
    }

    @Test
    void commitStoresTheOrderAndPublishesItsMessage() throws JMSException {
        CreatePaymentResult result = intake.create(command("commit-" + UUID.randomUUID(), 1999));
        String orderId = result.order().id();

        assertThat(fixtures.ordersNumbered(MERCHANT, result.order().merchantOrderNo())).isEqualTo(1);
        assertThat(fixtures.outboxRowsFor(orderId)).isEqualTo(1);
        List<Message> messages = receiveAll(orderId, 10_000);
        assertThat(messages).hasSize(1);
        assertThat(((TextMessage) messages.get(0)).getText()).contains(orderId);
        String duplicateId = messages.get(0).getStringProperty(OutboxPublisher.DUPLICATE_ID_PROPERTY);
        assertThat(duplicateId).startsWith("obx_");
        assertThat(fixtures.publishedAt(duplicateId)).isNotNull();
    }

    @Test
    void anExceptionAfterBothWritesLeavesNeitherRowNorMessage() {
        String number = "rollback-" + UUID.randomUUID();
        AtomicReference<String> orderId = new AtomicReference<>();

        assertThatThrownBy(() -> fixtures.createThenFail(command(number, 2500), orderId))
                .isInstanceOf(EJBException.class);

        assertThat(orderId.get()).as("the order was written before the failure").startsWith("pay_");
        assertThat(fixtures.ordersNumbered(MERCHANT, number)).isZero();
        assertThat(fixtures.outboxRowsFor(orderId.get())).isZero();
        assertThat(receiveAll(orderId.get(), 4_000)).as("no message may follow a rolled-back transaction").isEmpty();
    }

    @Test
    void theSweeperPublishesARowTheServerDidNotGetToPublish() throws JMSException {
        String aggregate = Ids.next("orphan");
        String outboxId = fixtures.insertOrphanOutboxRow(aggregate);
        assertThat(fixtures.publishedAt(outboxId)).isNull();

        List<Message> messages = receiveAll(aggregate, 20_000);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getStringProperty(OutboxPublisher.DUPLICATE_ID_PROPERTY)).isEqualTo(outboxId);
        Instant published = fixtures.publishedAt(outboxId);
        assertThat(published).as("the sweeper marks what it published").isNotNull();
    }

    @Test
    void aRowPublishedTwiceReachesTheQueueOnce() throws JMSException {
        String aggregate = Ids.next("twice");
        String outboxId = fixtures.insertOrphanOutboxRow(aggregate);
        assertThat(publisher.publish(List.of(outboxId))).isEqualTo(1);
        // a crash after the send but before the commit: the row looks unpublished and is sent again
        fixtures.markUnpublished(outboxId);
        assertThat(publisher.publish(List.of(outboxId))).isEqualTo(1);

        List<Message> messages = receiveAll(aggregate, 4_000);

        assertThat(messages).as("the broker drops the copy by its duplicate id").hasSize(1);
        assertThat(messages.get(0).getStringProperty(OutboxPublisher.DUPLICATE_ID_PROPERTY)).isEqualTo(outboxId);
    }

    private static CreatePaymentCommand command(String merchantOrderNo, long amount) {
        return new CreatePaymentCommand(MERCHANT, merchantOrderNo, Money.ofMinor(amount, "USD"), "outbox test",
                PaymentMethod.BANK_CARD);
    }

    /** Every message for {@code aggregateId} that arrives within {@code waitMillis}. */
    private List<Message> receiveAll(String aggregateId, long waitMillis) {
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = jms.createConsumer(channelRequests,
                     OutboxPublisher.AGGREGATE_PROPERTY + " = '" + aggregateId + "'")) {
            jms.start();
            List<Message> received = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + waitMillis;
            Message first = consumer.receive(waitMillis);
            if (first != null) {
                received.add(first);
                // anything more (a duplicate) would follow at once; wait a little for it
                long grace = Math.min(2_000, Math.max(0, deadline - System.currentTimeMillis()) + 1_000);
                for (Message next = consumer.receive(grace); next != null; next = consumer.receive(grace)) {
                    received.add(next);
                }
            }
            return received;
        }
    }
}
