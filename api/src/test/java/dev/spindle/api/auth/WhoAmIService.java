package dev.spindle.api.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A one-method gRPC service without protobuf: answers with the caller's role and name as the server sees them
 * through {@link AuthContext}, read inside the handler like the State service will.
 */
final class WhoAmIService {

    private static final MethodDescriptor.Marshaller<String> UTF8 = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    static final MethodDescriptor<String, String> WHO_AM_I = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("spindle.test.WhoAmI/Get")
            .setRequestMarshaller(UTF8)
            .setResponseMarshaller(UTF8)
            .build();

    private WhoAmIService() {
    }

    static ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder("spindle.test.WhoAmI")
                .addMethod(WHO_AM_I, ServerCalls.asyncUnaryCall((request, response) -> {
                    Role role;
                    try {
                        role = AuthContext.currentRole();
                    } catch (StatusRuntimeException refused) {
                        response.onError(refused); // as real services do, so the client sees the status
                        return;
                    }
                    response.onNext(role.organization() + " " + AuthContext.currentClientName()
                            + " write=" + role.canWrite());
                    response.onCompleted();
                }))
                .build();
    }

    static String call(Channel channel) {
        return ClientCalls.blockingUnaryCall(channel, WHO_AM_I,
                CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), "");
    }
}
