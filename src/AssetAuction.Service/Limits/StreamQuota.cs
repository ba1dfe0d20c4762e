using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Limits;

/// <summary>Counts the server streams each caller holds open, so one token cannot hold thousands (and their memory).</summary>
public sealed class StreamQuota(IOptions<ServerLimitsOptions> options)
{
    public const string Reason = ServiceReasons.TooManyStreams;

    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly int _max = options.Value.MaxStreamsPerCaller;

    // Completed when a slot is given back (and replaced by the next one), so a test or a diagnostic can await the
    // server noticing that a stream ended, which it does asynchronously, instead of polling.
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Max => _max;

    /// <summary>Streams open now, over all callers (for tests and diagnostics: it is back to 0 when every stream has closed).</summary>
    internal int OpenStreams
    {
        get
        {
            lock (_open)
            {
                return _open.Values.Sum();
            }
        }
    }

    /// <summary>Callers with at least one open stream: the table's size, which must not keep callers whose streams closed.</summary>
    internal int Callers
    {
        get
        {
            lock (_open)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// Completes when a slot is next given back. Take it before the attempt whose refusal it answers: a slot given
    /// back in between then completes it rather than being missed.
    /// </summary>
    internal Task NextRelease()
    {
        lock (_open)
        {
            return _released.Task;
        }
    }

    /// <summary>Completes once no stream is open, over all callers.</summary>
    internal async Task WhenNoneOpenAsync(CancellationToken ct)
    {
        while (true)
        {
            Task released;
            lock (_open)
            {
                if (_open.Count == 0)
                {
                    return;
                }

                released = _released.Task;
            }

            await released.WaitAsync(ct);
        }
    }

    /// <summary>A slot for one more stream, or null when the caller already holds the maximum.</summary>
    public IDisposable? TryEnter(string caller)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(caller);
            if (open >= _max)
            {
                return null;
            }

            _open[caller] = open + 1;
        }

        return new Slot(this, caller);
    }

    private void Leave(string caller)
    {
        lock (_open)
        {
            // Forget callers with nothing open, so the table holds only live streams.
            if (--_open[caller] == 0)
            {
                _open.Remove(caller);
            }

            _released.TrySetResult();
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private sealed class Slot(StreamQuota quota, string caller) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                quota.Leave(caller);
            }
        }
    }
}

/// <summary>Takes a stream slot for the caller before a server stream starts; RESOURCE_EXHAUSTED when none is left.</summary>
internal sealed class StreamQuotaInterceptor(StreamQuota quota, ILogger<StreamQuotaInterceptor> logger) : Interceptor
{
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var slot = await AdmitAsync(context);
        await continuation(request, responseStream, context);
    }

    /// <summary>An import (both ways streaming) holds a slot too: it is a long call like any other stream.</summary>
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var slot = await AdmitAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task<IDisposable> AdmitAsync(ServerCallContext context)
    {
        var caller = Caller.FromPrincipal(context.GetHttpContext().User).Subject;
        var slot = quota.TryEnter(caller);
        if (slot is null)
        {
            logger.LogWarning("{Method} refused: caller {Caller} already holds {Max} open streams", context.Method, caller, quota.Max);
            throw new Google.Rpc.Status
            {
                Code = (int)StatusCode.ResourceExhausted,
                Message = $"You already have {quota.Max} open streams, the most one caller may hold; close one (or reuse it) before opening another.",
                Details = { Any.Pack(new ErrorInfo { Reason = StreamQuota.Reason, Domain = ErrorMapping.ErrorDomain, Metadata = { ["limit"] = quota.Max.ToString(System.Globalization.CultureInfo.InvariantCulture) } }) },
            }.ToRpcException();
        }

        // The headers go out as soon as the stream is admitted, so a client knows it holds a slot before any event.
        try
        {
            await context.WriteResponseHeadersAsync([]);
        }
        catch
        {
            slot.Dispose();
            throw;
        }

        return slot;
    }
}
