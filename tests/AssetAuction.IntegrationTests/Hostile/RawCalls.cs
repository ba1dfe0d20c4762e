using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>Calls any RPC with a body of raw bytes, as a broken or hostile client would send it.</summary>
internal static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static Method<byte[], byte[]> Method(string fullName, MethodType type = MethodType.Unary)
    {
        var slash = fullName.LastIndexOf('/');
        return new Method<byte[], byte[]>(type, fullName[1..slash], fullName[(slash + 1)..], Bytes, Bytes);
    }

    /// <summary>The status the call ends with (OK when it answers).</summary>
    public static async Task<RpcException?> UnaryAsync(GrpcChannel channel, string method, byte[] body, CancellationToken ct = default)
    {
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(Method(method), null, new CallOptions(cancellationToken: ct), body);
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }

    /// <summary>A server stream: reads its first message (or its end) within <paramref name="patience"/>.</summary>
    public static async Task<RpcException?> ServerStreamAsync(GrpcChannel channel, string method, byte[] body, TimeSpan patience)
    {
        using var cts = new CancellationTokenSource(patience);
        try
        {
            using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(Method(method, MethodType.ServerStreaming), null, new CallOptions(cancellationToken: cts.Token), body);
            await call.ResponseStream.MoveNext(cts.Token);
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }
}
