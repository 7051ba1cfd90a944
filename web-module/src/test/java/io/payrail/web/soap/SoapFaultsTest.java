package io.payrail.web.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.common.ErrorCode;
import io.payrail.web.api.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoapFaultsTest {

    /** Whose move it is: the caller's for everything REST answers with a 4xx, Payrail's for a 5xx. */
    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void theFaultcodeFollowsTheRestStatus(ErrorCode code) {
        assertThat(SoapFaults.faultCode(code))
                .isEqualTo(Problem.statusOf(code) < 500 ? SoapFaults.CLIENT : SoapFaults.SERVER);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"AUTH_SIGNATURE_INVALID", "VALIDATION_FAILED", "PAYMENT_NOT_FOUND",
            "MERCHANT_ORDER_NO_CONFLICT", "RATE_LIMITED", "HTTPS_REQUIRED"})
    void refusalsAreTheCallersFault(ErrorCode code) {
        assertThat(SoapFaults.faultCode(code).getLocalPart()).isEqualTo("Client");
        assertThat(SoapFaults.faultCode(code).getNamespaceURI()).isEqualTo("http://schemas.xmlsoap.org/soap/envelope/");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"INTERNAL_ERROR", "SERVICE_UNAVAILABLE"})
    void payrailsOwnFailuresAreServerFaults(ErrorCode code) {
        assertThat(SoapFaults.faultCode(code).getLocalPart()).isEqualTo("Server");
    }
}
