package io.payrail.simulator.channel;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A {@link CallbackTransport} that records every post and answers as the test says, at once. */
public final class ScriptedTransport implements CallbackTransport {

    public record Post(URI target, CallbackMessage message) {
    }

    private final List<Post> posts = new ArrayList<>();
    private Function<Post, CompletableFuture<Reply>> answer;

    public ScriptedTransport(Function<Post, CompletableFuture<Reply>> answer) {
        this.answer = answer;
    }

    /** Answers every post with this status and body. */
    public static ScriptedTransport answering(int status, String body) {
        return new ScriptedTransport(p -> CompletableFuture.completedFuture(new Reply(status, body)));
    }

    public void answer(int status, String body) {
        answer = p -> CompletableFuture.completedFuture(new Reply(status, body));
    }

    public void refuseConnections() {
        answer = p -> CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"));
    }

    @Override
    public synchronized CompletableFuture<Reply> post(URI target, CallbackMessage message) {
        Post post = new Post(target, message);
        posts.add(post);
        return answer.apply(post);
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    public synchronized List<String> bodies() {
        return posts.stream().map(p -> p.message().bodyText()).toList();
    }
}
