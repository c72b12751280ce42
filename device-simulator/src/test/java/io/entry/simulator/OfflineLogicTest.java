package io.entry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineLogicTest {

    @Test
    void maskMatchesWholeTokenWithDigitAnyAndLiteral() {
        assertThat(BarcodeMaskMatcher.matches("391###########", "39100000000001")).isTrue();
        assertThat(BarcodeMaskMatcher.matches("391###########", "39000000000001")).isFalse();
        assertThat(BarcodeMaskMatcher.matches("391###########", "3910000000000")).isFalse();
        assertThat(BarcodeMaskMatcher.matches("391###########", "391000000000012")).isFalse();
        assertThat(BarcodeMaskMatcher.matches("391###########", "3910000000000A")).isFalse();
        assertThat(BarcodeMaskMatcher.matches("AB??#", "ABx-1")).isTrue();
        assertThat(BarcodeMaskMatcher.matches("AB??#", "ABx-x")).isFalse();
        assertThat(new BarcodeMaskMatcher(List.of("390###########", "391###########")).matchesAny("39119000000001"))
                .isTrue();
        assertThat(new BarcodeMaskMatcher(List.of()).matchesAny("39100000000001")).isFalse();
    }

    @Test
    void offlineDeviceAdmitsOnceUntilExitAndStopsBarcodesOutsideTheMasks() {
        OfflineDecider decider = new OfflineDecider(new BarcodeMaskMatcher(List.of("391###########")));

        assertThat(decider.decide("39100000000001", ScanMode.ENTRY, true))
                .isEqualTo(new OfflineDecider.Decision(ScanStatus.ADMIT, ReasonCode.OK));
        assertThat(decider.decide("39100000000001", ScanMode.ENTRY, true))
                .isEqualTo(new OfflineDecider.Decision(ScanStatus.STOP, ReasonCode.ALREADY_SCANNED));
        assertThat(decider.decide("39100000000001", ScanMode.EXIT, true))
                .isEqualTo(new OfflineDecider.Decision(ScanStatus.ADMIT, ReasonCode.EXIT_OK));
        assertThat(decider.decide("39100000000001", ScanMode.ENTRY, true).status()).isEqualTo(ScanStatus.ADMIT);
        assertThat(decider.decide("QR123", ScanMode.ENTRY, true))
                .isEqualTo(new OfflineDecider.Decision(ScanStatus.STOP, ReasonCode.INVALID_FORMAT));
        // Masks apply to barcodes only: an NFC read of any token is admitted.
        assertThat(decider.decide("NFC-PASS-1", ScanMode.ENTRY, false).status()).isEqualTo(ScanStatus.ADMIT);
    }
}
