package io.tlsready.app.rest.guard;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a URI or header the parser refuses, 414, 431, a busy server's 503) in the API's
 * problem form instead of Jetty's HTML page. The detail is fixed per status: Jetty's messages can quote the
 * offending request, which is the client's hostile data.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final int MAX_INSTANCE = 200;

    private final ProblemWriter problems;

    ProblemErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] body = problems.bytes(code, detail(code), instance(request));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its URI, a header or its framing); nothing was done";
            case 408 -> "the request arrived too slowly and was dropped";
            case 413 -> "the request body is larger than this server accepts";
            case 414 -> "the request URI is longer than this server accepts";
            case 431 -> "the request headers are larger than this server accepts";
            case 503 -> "the server is busy; retry after the number of seconds in Retry-After";
            default -> ProblemWriter.title(status);
        };
    }

    private static String instance(Request request) {
        if (request == null) {
            return null;
        }
        try {
            String path = Request.getPathInContext(request);
            return path == null || path.length() > MAX_INSTANCE ? null : path;
        } catch (RuntimeException e) { // an unparsable URI has no path to show
            return null;
        }
    }
}
