package io.payrail.simulator.web;

import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The statement date in a URL: {@code yyyy-MM-dd}, a UTC calendar day. */
final class Statements {

    private Statements() {
    }

    static LocalDate day(String text) {
        try {
            if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", String.valueOf(text), 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "the statement date must be yyyy-MM-dd");
        }
    }
}
