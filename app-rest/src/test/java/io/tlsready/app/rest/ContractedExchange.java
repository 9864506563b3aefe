package io.tlsready.app.rest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@link RestClient} asks of every exchange: the request is one the {@link OpenApiContract} allows (unless the
 * test sends it outside the contract on purpose), and the answer is one it documents. A violation fails the test
 * with an {@link AssertionError} naming each broken rule and the start of the body.
 */
final class ContractedExchange {

    private ContractedExchange() {
    }

    /** Before sending: the method, path, query and body are the contract's. */
    static void checkRequest(HttpRequest request) {
        String contentType = request.headers().firstValue("Content-Type").orElse(null);
        List<String> problems = OpenApiContract.standard().checkRequest(request.method(), request.uri().getRawPath(),
                request.uri().getRawQuery(), contentType, body(request));
        fail("request " + request.method() + " " + request.uri().getPath(), problems, null);
    }

    /** After: the answer is the contract's for that request (or, outside it, a documented answer or a problem). */
    static void checkAnswer(HttpRequest request, HttpResponse<String> response, boolean withinContract) {
        OpenApiContract contract = OpenApiContract.standard();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String path = request.uri().getRawPath();
        List<String> problems = withinContract
                ? contract.checkResponse(request.method(), path, response.statusCode(), contentType,
                        response.headers()::firstValue, response.body())
                : contract.checkAnswerOutsideContract(request.method(), path, response.statusCode(), contentType,
                        response.headers()::firstValue, response.body());
        fail("answer to " + request.method() + " " + path, problems, response.body());
    }

    private static void fail(String what, List<String> problems, String body) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder(what).append(" breaks the OpenAPI contract (docs/openapi.yaml):");
        problems.forEach(p -> m.append("\n  - ").append(p));
        if (body != null) {
            m.append("\n  body: ").append(body, 0, Math.min(body.length(), 600));
        }
        throw new AssertionError(m.toString());
    }

    /** The bytes a request will send: its body publisher read once more (the JDK's publishers can be re-read). */
    static byte[] body(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the request body back for the contract check", e);
        }
    }
}
