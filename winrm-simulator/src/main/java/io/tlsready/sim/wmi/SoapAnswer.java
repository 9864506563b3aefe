package io.tlsready.sim.wmi;

/**
 * A simulated host's reply to one SOAP request: the HTTP status and the envelope (200 with a response, 500 with a
 * SOAP fault, 400 for a request that is no WS-Management message), as Windows' WinRM service sends them.
 */
public record SoapAnswer(int status, String xml) {

    public static SoapAnswer ok(String xml) {
        return new SoapAnswer(200, xml);
    }

    public static SoapAnswer fault(String xml) {
        return new SoapAnswer(500, xml);
    }
}
