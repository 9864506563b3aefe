package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Md4Test {

    /** RFC 1320 appendix A.5, "test suite". */
    @ParameterizedTest(name = "MD4(\"{0}\")")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "''|31d6cfe0d16ae931b73c59d7e0c089c0",
        "a|bde52cb31de33e46245e05fbdbd6fb24",
        "abc|a448017aaf21d8525fc10ae87aa6729d",
        "message digest|d9130a8164549fe818874806e1c7014b",
        "abcdefghijklmnopqrstuvwxyz|d79e1c308aa5bbcdeea8ed63df412da9",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789|043f8582f241db351ce627e153e7f0e4",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890"
            + "|e33b4ddc9c38f2199c3e7b164fcc0536",
    })
    void rfc1320_test_suite(String input, String expected) {
        assertThat(Hex.of(Md4.digest(input.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(expected);
    }

    /** Padding edge cases around the 56- and 64-byte block boundaries; reference values from OpenSSL's MD4. */
    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({
        "55,86b300d50df663ca848e96be34a23a92",
        "56,0718561ce553a4b455bfa7c072a490f3",
        "57,e18ceccac20295e7d4880b0a604ae4a6",
        "63,80924e6e736c1c20eb1bc497e984cce1",
        "64,e1ed811e1160fb36e26800df1c2d8696",
        "65,7fc02ba696f3b5b0bba5852aa153ed84",
        "119,0213ce8bdfa3fbea9f90f24c94ea6b82",
        "120,ffa69d9b8773b563bfe3065872ba4aca",
        "1000,73f9361598e07d54af56b96de7a98213",
    })
    void block_boundaries(int length, String expected) {
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = (byte) (i * 7);
        }
        assertThat(Hex.of(Md4.digest(input))).isEqualTo(expected);
    }
}
