using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Requests;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// The one place exceptions become statuses. Only our own exception types become client errors;
/// anything else is INTERNAL, logged with the trace id the client is given.
/// </summary>
internal sealed class ExceptionInterceptor(ILogger<ExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Map(e, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Map(e, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (Map(e, context) is { } mapped)
        {
            throw mapped;
        }
    }

    private RpcException? Map(Exception error, ServerCallContext context)
    {
        if (error is RpcException)
        {
            return null;
        }

        if (ErrorMapping.ToRpcException(error) is { } refused)
        {
            logger.LogInformation("{Method} refused: {Code} {Reason} {Message}", context.Method, refused.StatusCode, Reason(error), error.Message);
            return refused;
        }

        switch (error)
        {
            case Exception when DatabaseErrors.IsTransient(error):
                logger.LogWarning(error, "{Method} met a transient database error", context.Method);
                return new RpcException(new Status(StatusCode.Unavailable, "The database is busy or briefly unavailable and nothing was changed; retry with the same request_id."));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            default:
                var traceId = context.GetHttpContext().TraceIdentifier;
                logger.LogError(error, "{Method} failed unexpectedly (trace {TraceId})", context.Method, traceId);
                return new RpcException(new Status(StatusCode.Internal, $"Internal error; quote trace id {traceId} when reporting it."));
        }
    }

    private static string Reason(Exception error) => error switch
    {
        DomainException domain => domain.Reason,
        RequestValidationException invalid => invalid.Reason,
        AccessDeniedException denied => denied.Reason,
        ConcurrentChangeException conflict => conflict.Reason,
        _ => error.GetType().Name,
    };
}
