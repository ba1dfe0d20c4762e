using System.Diagnostics;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AssetAuction.Service.Telemetry;

/// <summary>
/// Outermost interceptor: tags the request's span with the request_id and the office (the caller's, or the
/// one the request names), and counts every call by method and final status, refusals included (the inner
/// interceptors turn exceptions into statuses), calls of all four kinds through one measurement (no RPC streams
/// only its request today; the override is there so that a new one is counted). Streams are counted while open.
/// </summary>
internal sealed class TelemetryInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Tag(request, context);
        return MeasureAsync(context, stream: false, async () =>
        {
            var response = await continuation(request, context);
            if (request is ImportStatementRequest statement && response is ImportStatementResponse imported)
            {
                AssetAuctionMetrics.StatementLines.Record(imported.LinesRead);
                AssetAuctionMetrics.StatementBytes.Record(statement.CsvContent.Length);
            }

            return response;
        });
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, stream: true, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Tag(request, context);
        return MeasureAsync(context, stream: true, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, stream: true, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return true;
        });

    /// <summary>Runs one call of any kind, counts it by method and final status, and a stream as open while it runs.</summary>
    private static async Task<T> MeasureAsync<T>(ServerCallContext context, bool stream, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        var method = new KeyValuePair<string, object?>("rpc.method", context.Method);
        if (stream)
        {
            AssetAuctionMetrics.OpenStreams.Add(1, method);
        }

        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (Exception)
        {
            status = StatusCode.Unknown;
            throw;
        }
        finally
        {
            if (stream)
            {
                AssetAuctionMetrics.OpenStreams.Add(-1, method);
            }

            Record(context.Method, status, started);
        }
    }

    private static void Tag(object request, ServerCallContext context)
    {
        var activity = Activity.Current;
        if (activity is null || request is not IMessage message)
        {
            return;
        }

        if (request is IMutatingRequest { RequestId: { Length: > 0 } requestId })
        {
            activity.SetTag("assetauction.request_id", requestId);
        }

        var office = Field(message, "office") is { Length: > 0 } named ? named : context.GetHttpContext().User.FindFirst(ClaimNames.Office)?.Value;
        if (office is { Length: > 0 })
        {
            activity.SetTag("assetauction.office", office);
        }
    }

    // The office is named by many requests (lists, imports, reports) that share no typed interface, so its field is
    // looked up by name in the message's descriptor; request_id has one (IMutatingRequest).
    private static string? Field(IMessage message, string name) =>
        message.Descriptor.FindFieldByName(name) is { FieldType: Google.Protobuf.Reflection.FieldType.String } field ? (string)field.Accessor.GetValue(message) : null;

    private static void Record(string method, StatusCode status, long started)
    {
        var tags = new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", (int)status } };
        AssetAuctionMetrics.Calls.Add(1, tags);
        AssetAuctionMetrics.CallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
