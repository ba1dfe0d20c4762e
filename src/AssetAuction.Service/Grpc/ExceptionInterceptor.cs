using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Requests;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// The one place exceptions become statuses. Only our own exception types become client errors;
/// anything else is INTERNAL, logged with the trace id the client is given.
/// </summary>
internal sealed class ExceptionInterceptor(ILogger<ExceptionInterceptor> logger) : Interceptor
{
    public const string DateBeyondCalendar = "DATE_BEYOND_CALENDAR";

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
        switch (error)
        {
            case RpcException:
                return null;
            case DomainException domain:
                logger.LogInformation("{Method} refused: {Reason} {Message}", context.Method, domain.Reason, domain.Message);
                return ErrorMapping.ToRpcException(domain);
            case RequestValidationException invalid:
                logger.LogInformation("{Method} invalid: {Message}", context.Method, invalid.Message);
                return ErrorMapping.ToRpcException(invalid);
            case Domain.Calendar.CalendarRangeException outside:
                logger.LogInformation("{Method} refused: a date falls in {Year}, outside the calendar", context.Method, outside.Year);
                return ErrorMapping.ToRpcException(new DomainException(
                    DomainErrorKind.InvalidArgument,
                    DateBeyondCalendar,
                    $"A date, or a time limit counted from it, falls in {outside.Year}, outside the years the working-day calendar covers ({Domain.Calendar.WorkingDayCalendar.MinYear} to {Domain.Calendar.WorkingDayCalendar.MaxYear}); check the dates sent.",
                    new Dictionary<string, string> { ["year"] = outside.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            case DbUpdateConcurrencyException:
                return ErrorMapping.ToRpcException(new DomainException(
                    DomainErrorKind.Aborted, Reasons.ConcurrentModification, "Someone else changed this resource at the same time; read it again and retry."));
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
}
