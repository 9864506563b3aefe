package io.tlsready.adapters.winrm.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one Netty event-loop group all hosts share: a fleet of thousands of hosts must not mean thousands of
 * thread pools. Threads are daemons, so a CLI that forgets to close it still exits.
 */
final class SharedEventLoop implements AutoCloseable {

    private final EventLoopGroup group;

    SharedEventLoop(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("tlsready-winrm", true),
                NioIoHandler.newFactory());
    }

    EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        // No quiet period: by the time the app closes us every host is finished.
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
