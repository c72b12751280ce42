package io.entry.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.api.BarcodeMask;
import org.junit.jupiter.api.Test;

class BarcodeMaskTest {

    @Test
    void hashIsAnyDigitQuestionMarkAnyCharacterTheRestLiteralOverTheWholeToken() {
        assertThat(new BarcodeMask("390###########").matches("39000000000001")).isTrue();
        assertThat(new BarcodeMask("390###########").matches("3900000000000")).as("too short").isFalse();
        assertThat(new BarcodeMask("390###########").matches("390000000000012")).as("too long").isFalse();
        assertThat(new BarcodeMask("390###########").matches("3900000000000A")).as("letter for #").isFalse();
        assertThat(new BarcodeMask("390###########").matches("39100000000001")).as("literal differs").isFalse();
        assertThat(new BarcodeMask("AB??#").matches("ABx/1")).isTrue();
        assertThat(new BarcodeMask("AB??#").matches("Ab001")).as("literals are case-sensitive").isFalse();
        assertThat(new BarcodeMask(null).matches("1")).isFalse();
        assertThat(new BarcodeMask("#").matches(null)).isFalse();
    }
}
